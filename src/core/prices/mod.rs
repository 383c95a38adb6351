//! Prices that stay current: AWS's own price list imported into the user's data directory, one
//! file per Region, laid over the embedded us-east-1 prices; and how old the prices in use are.
//!
//! - [`offer`] reads AWS's price list files (both forms) as a stream; [`matcher`] says which
//!   product is which of the guide's prices; [`regions`] names the Regions.
//! - [`RegionPrices`] is one installed Region (`<data dir>/prices/<region>.json`), written
//!   atomically; [`merge`] adds a new import to what was installed.
//! - [`select`] lays a Region's prices over a guide's, the embedded ones staying wherever the
//!   import found nothing (and [`notes`] says which); [`notes`] also marks prices older than
//!   [`STALE_AFTER_DAYS`], from a date passed in: nothing here reads the clock but [`today`].

pub mod matcher;
pub mod offer;
pub mod regions;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use matcher::{Matchers, matcher_for};

use crate::data::{Guide, Price, days_since, parse_ymd};

/// Prices older than this many days are marked stale.
pub const STALE_AFTER_DAYS: i64 = 180;
/// The command that refreshes prices.
pub const REFRESH_COMMAND: &str = "computepick prices import FILE...";
/// How a stale-prices note starts.
pub const STALE_PREFIX: &str = "Stale prices:";
/// Names a date to use as today (`YYYY-MM-DD`), for tests and for seeing how the prices will
/// age; otherwise the system clock's date (UTC).
pub const TODAY_VAR: &str = "COMPUTEPICK_TODAY";
/// Installed files larger than this are not price files.
const MAX_INSTALLED_BYTES: u64 = 4 * 1024 * 1024;

/// Today as days since 1970-01-01: `COMPUTEPICK_TODAY` when set to a date, else the clock. The
/// one place the clock is read for prices; everything else takes the date as an argument.
pub fn today() -> i64 {
    std::env::var(TODAY_VAR)
        .ok()
        .and_then(|d| parse_ymd(d.trim()))
        .unwrap_or_else(crate::data::today)
}

/// One Region's imported prices, as installed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionPrices {
    pub region: String,
    /// The files imported, newest import last.
    pub files: Vec<SourceFile>,
    /// By price id.
    pub prices: BTreeMap<String, Imported>,
}

/// A file an import read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// As given on the command line, made absolute.
    pub path: String,
    /// `offer file` or `get-products output`.
    pub layout: String,
    pub offers: Vec<String>,
    /// Its publication date.
    pub as_of: String,
    /// How many of the guide's prices it gave.
    pub prices: usize,
    /// The day it was imported.
    pub imported: String,
}

/// One imported price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    /// In the guide's unit.
    pub amount: f64,
    /// The price list's publication date.
    pub as_of: String,
    /// The Bulk API URL of the offer file for this offer and Region (where the same price is
    /// published), for the decision record's sources.
    pub source: String,
    pub offer: String,
    pub sku: String,
    /// AWS's own figure, before scaling: `0.0000002 USD per Requests`.
    pub aws_price: String,
    /// The file it came from.
    pub file: String,
}

impl RegionPrices {
    /// The oldest publication date among the prices.
    pub fn as_of(&self) -> &str {
        self.prices
            .values()
            .map(|p| p.as_of.as_str())
            .min()
            .unwrap_or("")
    }
}

/// The Bulk API URL of an offer file.
pub fn offer_url(offer: &str, region: &str) -> String {
    format!(
        "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{offer}/current/{region}/index.json"
    )
}

/// Where installed prices live: `$XDG_DATA_HOME/computepick/prices`, else
/// `~/.local/share/computepick/prices` (on macOS too, as the config file keeps to `~/.config`),
/// or `%LOCALAPPDATA%\computepick\prices` on Windows. `None` without a home directory.
pub fn prices_dir() -> Option<PathBuf> {
    prices_dir_from(&|name| std::env::var_os(name))
}

/// [`prices_dir`] with the environment given, for tests.
pub fn prices_dir_from(env: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
    let absolute = |name: &str| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    let dir = if cfg!(windows) {
        absolute("LOCALAPPDATA").or_else(|| absolute("APPDATA"))
    } else {
        absolute("XDG_DATA_HOME")
            .or_else(|| absolute("HOME").map(|home| home.join(".local").join("share")))
    };
    dir.map(|d| d.join("computepick").join("prices"))
}

/// The installed file of `region` in `dir`.
pub fn region_file(dir: &Path, region: &str) -> PathBuf {
    dir.join(format!("{region}.json"))
}

/// Reads `region`'s installed prices: `Ok(None)` when none are installed.
pub fn load_region(dir: &Path, region: &str) -> Result<Option<RegionPrices>, String> {
    let path = region_file(dir, region);
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        Ok(meta) if meta.len() > MAX_INSTALLED_BYTES => {
            return Err(format!("{}: too large for a price file", path.display()));
        }
        Ok(_) => {}
    }
    // Only a regular file is read: an installed price file that is a FIFO never blocks.
    let bytes = crate::fs_safe::read_regular(&path, MAX_INSTALLED_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: not UTF-8 text; import the Region again",
            path.display()
        )
    })?;
    let prices: RegionPrices = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not a computepick price file ({e}); import the Region again",
            path.display()
        )
    })?;
    if prices.region != region {
        return Err(format!(
            "{}: holds prices for {}, not {region}; import the Region again",
            path.display(),
            prices.region
        ));
    }
    Ok(Some(prices))
}

/// The Regions installed in `dir`, sorted (files named `<known region>.json`).
pub fn installed_regions(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut regions: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let region = name.strip_suffix(".json")?;
            regions::is_known(region).then(|| region.to_owned())
        })
        .collect();
    regions.sort();
    regions
}

/// Writes a Region's prices atomically (a temporary file renamed into place), so a failed or
/// interrupted import leaves the installed file as it was.
pub fn save(dir: &Path, prices: &RegionPrices) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = region_file(dir, &prices.region);
    let text = serde_json::to_string_pretty(prices)
        .map_err(|e| format!("cannot write the prices: {e}"))?;
    crate::fs_safe::write_atomic(&path, format!("{text}\n").as_bytes(), true)
        .map_err(|e| e.to_string())?;
    Ok(path)
}

/// Adds what files gave to a Region's installed prices (or starts them): a price found again is
/// replaced, the others stay, and each file is listed once (its latest import).
pub fn merge(
    existing: Option<RegionPrices>,
    region: &str,
    files: &[(String, &offer::Parsed)],
    today: &str,
) -> RegionPrices {
    let mut out = existing.unwrap_or_else(|| RegionPrices {
        region: region.to_owned(),
        files: Vec::new(),
        prices: BTreeMap::new(),
    });
    for (path, parsed) in files {
        out.files.retain(|f| &f.path != path);
        out.files.push(SourceFile {
            path: path.clone(),
            layout: parsed.layout.to_string(),
            offers: parsed.offers.clone(),
            as_of: parsed.as_of.clone(),
            prices: parsed.found.len(),
            imported: today.to_owned(),
        });
        for f in &parsed.found {
            out.prices.insert(
                f.id.clone(),
                Imported {
                    amount: f.amount,
                    as_of: f.as_of.clone(),
                    source: offer_url(&f.offer, region),
                    offer: f.offer.clone(),
                    sku: f.sku.clone(),
                    aws_price: f.aws_price.clone(),
                    file: path.clone(),
                },
            );
        }
    }
    // A file that no longer gives any price installed is not listed.
    let used: Vec<String> = out.prices.values().map(|p| p.file.clone()).collect();
    out.files.retain(|f| used.contains(&f.path));
    out
}

/// Lays a Region's prices over the guide's: each imported price replaces the embedded one
/// (amount, date, source, Region); prices the same in every Region (allowances, discounts, no
/// charge) move to the Region as they are; any other price stays the embedded one, in its own
/// Region, which [`notes`] reports.
pub fn apply(guide: &mut Guide, prices: &RegionPrices) {
    for p in &mut guide.prices {
        if let Some(found) = prices.prices.get(&p.id) {
            p.amount = found.amount;
            p.as_of = found.as_of.clone();
            p.source = found.source.clone();
            p.region = Some(prices.region.clone());
        } else if p.region_independent() {
            p.region = Some(prices.region.clone());
        }
    }
    guide.meta.region = prices.region.clone();
}

/// Chooses the Region whose prices the guide uses: `None` keeps the embedded prices; a Region
/// with installed prices gets them ([`apply`]); the embedded Region without an import keeps the
/// embedded prices. An unknown Region, or one with nothing installed, is an error saying what to
/// do.
pub fn select(guide: &mut Guide, region: Option<&str>, dir: Option<&Path>) -> Result<(), String> {
    let Some(region) = region else {
        return Ok(());
    };
    if !regions::is_known(region) {
        return Err(regions::unknown_message(region));
    }
    let installed = match dir {
        Some(dir) => load_region(dir, region)?,
        None => None,
    };
    match installed {
        Some(prices) => {
            apply(guide, &prices);
            Ok(())
        }
        None if region == guide.meta.region => Ok(()),
        None => Err(format!(
            "no prices are installed for {region}; import AWS's price list for it first: \
             `{REFRESH_COMMAND}` (see `computepick prices --help`; installed Regions: {})",
            installed_list(dir)
        )),
    }
}

/// Why a config file's `region` cannot be used (unknown, or nothing installed for it), if so.
pub fn config_region_problem(region: &str) -> Option<String> {
    if !regions::is_known(region) {
        return Some(format!(
            "\"{region}\" is not a Region computepick knows{}",
            regions::did_you_mean(region)
        ));
    }
    let installed = prices_dir().is_some_and(|d| region_file(&d, region).is_file());
    (!installed && region != "us-east-1").then(|| {
        format!("\"{region}\" has no prices installed (`{REFRESH_COMMAND}` installs them)")
    })
}

fn installed_list(dir: Option<&Path>) -> String {
    let regions = dir.map(installed_regions).unwrap_or_default();
    if regions.is_empty() {
        "none".into()
    } else {
        regions.join(", ")
    }
}

/// What to say about the prices in use: whether they are stale, and which are not the
/// Region's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// `prices as of 2026-05-01 are 215 days old (over 180): refresh them with ...`.
    pub stale: Option<String>,
    /// How many days old, when stale (for short marks: "STALE, 215 days").
    pub stale_days: Option<i64>,
    /// `3 prices are not in the imported files and stay the built-in us-east-1 ones: ...`.
    pub fallback: Option<String>,
}

impl Notes {
    /// Every note, as sentences.
    pub fn sentences(&self) -> Vec<String> {
        self.stale.iter().chain(&self.fallback).cloned().collect()
    }
}

/// The oldest as-of date among the prices an estimate multiplies by (rates), as the cost
/// estimate states it.
pub fn prices_as_of(guide: &Guide) -> Option<&str> {
    guide
        .prices
        .iter()
        .filter(|p| !p.region_independent())
        .map(|p| p.as_of.as_str())
        .min()
}

/// Notes on `guide`'s prices as of `today` (days since 1970-01-01; `None` says nothing about
/// their age).
pub fn notes(guide: &Guide, today: Option<i64>) -> Notes {
    let mut notes = Notes::default();
    if let Some(today) = today
        && let Some(as_of) = prices_as_of(guide)
        && let Some(days) = days_since(as_of, today)
        && days > STALE_AFTER_DAYS
    {
        notes.stale_days = Some(days);
        notes.stale = Some(format!(
            "{STALE_PREFIX} as of {as_of}, {days} days old (over {STALE_AFTER_DAYS}); refresh them \
             with `{REFRESH_COMMAND}` (see `computepick prices --help`)."
        ));
    }
    let region = &guide.meta.region;
    let others: Vec<&Price> = guide
        .prices
        .iter()
        .filter(|p| !p.region_independent())
        .filter(|p| p.region.as_deref().is_some_and(|r| r != region))
        .collect();
    if !others.is_empty() {
        let mut from: Vec<&str> = others.iter().filter_map(|p| p.region.as_deref()).collect();
        from.sort_unstable();
        from.dedup();
        let ids: Vec<&str> = others.iter().map(|p| p.id.as_str()).collect();
        let shown = if ids.len() > 6 {
            format!("{} and {} more", ids[..6].join(", "), ids.len() - 6)
        } else {
            ids.join(", ")
        };
        notes.fallback = Some(format!(
            "{} {} not in the {region} price list imported and {} the built-in {} {}: {shown}.",
            ids.len(),
            if ids.len() == 1 {
                "price is"
            } else {
                "prices are"
            },
            if ids.len() == 1 { "stays" } else { "stay" },
            from.join(", "),
            if ids.len() == 1 { "one" } else { "ones" },
        ));
    }
    notes
}

/// The Regions a session can switch between (the app's Cost tab): the embedded Region and every
/// installed one, with the embedded prices kept to lay each Region over.
#[derive(Debug, Clone, Default)]
pub struct RegionChoice {
    /// The guide's own prices and Region, before any import was laid over them.
    pub base: Vec<Price>,
    pub base_region: String,
    pub dir: Option<PathBuf>,
    /// The embedded Region first, then the installed ones.
    pub regions: Vec<String>,
    /// Today, for marking stale prices; `None` marks nothing (tests and snapshots).
    pub today: Option<i64>,
}

impl RegionChoice {
    /// The Regions for `guide` (its prices as loaded, before [`select`]) with `dir`'s imports.
    pub fn new(guide: &Guide, dir: Option<PathBuf>, today: Option<i64>) -> RegionChoice {
        let mut regions = vec![guide.meta.region.clone()];
        for r in dir.as_deref().map(installed_regions).unwrap_or_default() {
            if !regions.contains(&r) {
                regions.push(r);
            }
        }
        RegionChoice {
            base: guide.prices.clone(),
            base_region: guide.meta.region.clone(),
            dir,
            regions,
            today,
        }
    }

    /// The Region after `current`, wrapping around.
    pub fn next_after(&self, current: &str) -> Option<&str> {
        let i = self.regions.iter().position(|r| r == current)?;
        self.regions
            .get((i + 1) % self.regions.len())
            .map(String::as_str)
    }

    /// Puts `region`'s prices into `guide` (the embedded ones first, then the import).
    pub fn switch(&self, guide: &mut Guide, region: &str) -> Result<(), String> {
        if self.base.is_empty() {
            return Err("no other Region is available".into());
        }
        guide.prices = self.base.clone();
        guide.meta.region = self.base_region.clone();
        select(guide, Some(region), self.dir.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    #[cfg(unix)]
    #[test]
    fn the_data_dir_follows_xdg_then_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        assert_eq!(
            prices_dir_from(&env(&[("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u")])),
            Some(PathBuf::from("/xdg/computepick/prices"))
        );
        assert_eq!(
            prices_dir_from(&env(&[("XDG_DATA_HOME", "rel"), ("HOME", "/home/u")])),
            Some(PathBuf::from("/home/u/.local/share/computepick/prices"))
        );
        assert_eq!(prices_dir_from(&env(&[])), None);
    }

    #[test]
    fn old_prices_are_stale_from_the_date_given() {
        let guide = crate::data::load(None).expect("embedded").0;
        let as_of = prices_as_of(&guide).expect("dated").to_owned();
        let day = parse_ymd(&as_of).expect("a date");
        assert_eq!(
            notes(&guide, Some(day + STALE_AFTER_DAYS)),
            Notes::default()
        );
        let late = notes(&guide, Some(day + STALE_AFTER_DAYS + 1));
        assert_eq!(late.stale_days, Some(STALE_AFTER_DAYS + 1));
        let text = late.stale.expect("stale");
        assert!(
            text.contains(&as_of) && text.contains(REFRESH_COMMAND),
            "{text}"
        );
    }
}
