//! Reading AWS's price list, in both forms AWS publishes it, as a stream.
//!
//! - **Offer files** of the Price List Bulk API
//!   (`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offerCode>/current/<region>/index.json`;
//!   <https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-the-aws-price-list-bulk-api.html>):
//!   one JSON object with `formatVersion`, `disclaimer`, `offerCode`, `version`,
//!   `publicationDate`, then `products` keyed by SKU (each with `sku`, `productFamily` and
//!   `attributes`), then `terms`: `OnDemand` (and `Reserved`) keyed by SKU, then by offer term
//!   code, each term with `priceDimensions` keyed by rate code, each dimension with `unit`,
//!   `beginRange`, `endRange` and `pricePerUnit` (`{"USD": "0.0960000000"}`). Layout as described
//!   in "Reading the service price list file for an AWS service",
//!   <https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html>.
//! - **`aws pricing get-products` output** (the Price List Query API's `GetProducts`,
//!   <https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html>
//!   and <https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-price-list-query-api.html>):
//!   `{"FormatVersion": "aws_v1", "PriceList": ["{...}", ...], "NextToken": ...}`, where each
//!   element of `PriceList` is a JSON *string* holding one product: `product` (`sku`,
//!   `productFamily`, `attributes`), `serviceCode`, `terms` (`OnDemand` as above) and
//!   `publicationDate`. Elements already decoded to objects (`jq '.PriceList |= map(fromjson)'`)
//!   are read too.
//!
//! An EC2 offer file for one Region is hundreds of megabytes, so nothing holds it: a serde
//! visitor walks `serde_json`'s reader, reuses one buffer for every product's attributes, keeps
//! only the SKUs a matcher wants, and skips every other product's terms and every `Reserved`
//! term unread (`IgnoredAny`). Memory stays at the read buffer plus the few hundred SKUs kept.

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;
use serde::de::DeserializeSeed;

use super::matcher::Matchers;
use super::regions;
use crate::data::parse_ymd;

mod visitors;
use visitors::TopSeed;

/// The read buffer: large reads keep the parser busy; memory stays small.
const BUFFER: usize = 256 * 1024;
/// Progress is reported at most every this many bytes.
const PROGRESS_STEP: u64 = 4 * 1024 * 1024;

/// Which of AWS's two forms a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A Bulk API offer file (`products` and `terms`).
    OfferFile,
    /// `aws pricing get-products` output (`PriceList`).
    GetProducts,
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Layout::OfferFile => "offer file",
            Layout::GetProducts => "get-products output",
        })
    }
}

/// One of the guide's prices, as found in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The guide's price id.
    pub id: String,
    /// In the guide's unit (AWS's price per unit × the matcher's scale).
    pub amount: f64,
    /// The publication date, `YYYY-MM-DD`.
    pub as_of: String,
    pub offer: String,
    pub sku: String,
    /// AWS's own figure: `0.0000002 USD per Requests`.
    pub aws_price: String,
}

/// What one file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub layout: Layout,
    /// The offer code(s) of the prices found.
    pub offers: Vec<String>,
    pub region: String,
    /// The oldest publication date among the prices found.
    pub as_of: String,
    /// In the data's order of prices.
    pub found: Vec<Found>,
    /// Things worth saying that do not stop the import (a price matched twice, say).
    pub warnings: Vec<String>,
    pub bytes: u64,
}

/// A price dimension (`priceDimensions` entry), the fields read.
#[derive(Debug, Clone, Deserialize)]
struct Dim {
    #[serde(default)]
    unit: String,
    #[serde(rename = "beginRange", default)]
    begin_range: Option<String>,
    #[serde(rename = "pricePerUnit", default)]
    price_per_unit: HashMap<String, String>,
}

/// An offer term (`OnDemand` → SKU → term code), the fields read.
#[derive(Debug, Clone, Deserialize)]
struct Term {
    #[serde(rename = "priceDimensions", default)]
    price_dimensions: HashMap<String, Dim>,
}

/// A product matched by one or more matchers, waiting for its terms.
#[derive(Debug, Clone)]
struct Wanted {
    entries: Vec<usize>,
    region: Option<String>,
    offer: String,
}

/// A product's price for one matcher, before Regions are sorted out.
#[derive(Debug, Clone)]
struct Candidate {
    entry: usize,
    sku: String,
    offer: String,
    region: Option<String>,
    as_of: String,
    per_unit: f64,
    unit: String,
}

struct State<'m> {
    matchers: &'m Matchers,
    layout: Option<Layout>,
    offer_code: String,
    publication: String,
    saw_products: bool,
    wanted: HashMap<String, Wanted>,
    /// Every SKU's On-Demand dimensions, kept only when `terms` comes before `products` (AWS's
    /// files never do that, but JSON does not promise an order).
    early_terms: HashMap<String, Vec<Dim>>,
    candidates: Vec<Candidate>,
    /// One product's attributes; the strings are reused from product to product.
    attrs: Vec<(String, String)>,
    hits: Vec<usize>,
    products: u64,
    /// Offer codes seen in get-products items.
    item_offers: Vec<String>,
}

/// Counts the bytes read and reports them now and then.
struct Counting<'p, R> {
    inner: R,
    read: u64,
    next: u64,
    total: u64,
    progress: &'p mut dyn FnMut(u64, u64),
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read >= self.next {
            self.next = self.read + PROGRESS_STEP;
            (self.progress)(self.read, self.total);
        }
        Ok(n)
    }
}

/// Reads one price list from `reader` (`total` bytes long, for progress; 0 when unknown) and
/// finds the guide's prices in it. `region`, when given, keeps only that Region's prices (a
/// get-products output unfiltered by Region holds every Region). The error is a sentence to
/// follow the file's name: `is an HTML page, not ...`.
pub fn read(
    reader: impl Read,
    total: u64,
    matchers: &Matchers,
    region: Option<&str>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Parsed, String> {
    let counting = Counting {
        inner: reader,
        read: 0,
        next: 0,
        total,
        progress,
    };
    let mut buffered = BufReader::with_capacity(BUFFER, counting);
    first_byte_check(&mut buffered)?;
    let mut state = State {
        matchers,
        layout: None,
        offer_code: String::new(),
        publication: String::new(),
        saw_products: false,
        wanted: HashMap::new(),
        early_terms: HashMap::new(),
        candidates: Vec::new(),
        attrs: Vec::new(),
        hits: Vec::new(),
        products: 0,
        item_offers: Vec::new(),
    };
    let mut de = serde_json::Deserializer::from_reader(&mut buffered);
    let result = TopSeed(&mut state)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    let bytes = buffered.get_ref().read;
    (buffered.get_mut().progress)(bytes, total.max(bytes));
    if let Err(e) = result {
        return Err(json_error(&e));
    }
    finish(state, region, bytes)
}

/// An empty file, an HTML page or anything but a JSON object, said plainly before parsing.
fn first_byte_check(reader: &mut impl BufRead) -> Result<(), String> {
    // Skip a UTF-8 byte-order mark and leading blanks.
    loop {
        let buf = reader
            .fill_buf()
            .map_err(|e| format!("cannot be read: {e}"))?;
        let Some(&b) = buf.first() else {
            return Err("is empty: not an AWS price list".into());
        };
        if b.is_ascii_whitespace() {
            reader.consume(1);
            continue;
        }
        if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
            reader.consume(3);
            continue;
        }
        return match b {
            b'{' => Ok(()),
            b'<' => Err(
                "is an HTML or XML page, not an AWS price list (an error page saved by a \
                         failed download?); fetch it again"
                    .into(),
            ),
            _ => Err("is not JSON: an AWS price list is a JSON object".into()),
        };
    }
}

fn json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => format!(
            "ends early (line {}): a truncated download? fetch it again",
            e.line()
        ),
        Category::Syntax => format!(
            "is not valid JSON at line {}, column {}: {}",
            e.line(),
            e.column(),
            strip_position(e)
        ),
        Category::Data => format!("is not an AWS price list: {}", strip_position(e)),
        Category::Io => format!("cannot be read: {}", strip_position(e)),
    }
}

/// serde_json's message without its own " at line L column C".
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// `2026-11-28T21:03:04Z` → `2026-11-28`, when it is a date.
fn date_of(timestamp: &str) -> Option<String> {
    let day = timestamp.get(..10)?;
    parse_ymd(day).map(|_| day.to_owned())
}

/// Sorts out the Region, the dates and the prices once the whole file is read.
fn finish(state: State<'_>, region: Option<&str>, bytes: u64) -> Result<Parsed, String> {
    let Some(layout) = state.layout else {
        return Err(
            "is JSON but not an AWS price list: it has neither `products` (an offer \
                    file) nor `PriceList` (get-products output)"
                .into(),
        );
    };
    let matchers = state.matchers;
    // Another service's price list.
    let offers_seen: Vec<String> = match layout {
        Layout::OfferFile if !state.offer_code.is_empty() => vec![state.offer_code.clone()],
        Layout::OfferFile => Vec::new(),
        Layout::GetProducts => state.item_offers.clone(),
    };
    if !offers_seen.is_empty() && !offers_seen.iter().any(|o| matchers.uses_offer(o)) {
        return Err(format!(
            "is the price list of {}, which computepick does not read (it reads {})",
            offers_seen.join(", "),
            matchers.offers().join(", ")
        ));
    }
    let mut candidates = state.candidates;
    if candidates.is_empty() {
        let offer = offers_seen.join(", ");
        return Err(if state.products == 0 {
            "holds no products: an empty price list (a get-products filter that matched \
             nothing?)"
                .to_owned()
        } else {
            format!("has none of the prices computepick uses ({offer} {layout})")
        });
    }
    // Each price's Region.
    let mut regions_seen: Vec<String> = candidates
        .iter()
        .map(|c| {
            c.region
                .clone()
                .unwrap_or_else(|| "an unknown Region".into())
        })
        .collect();
    regions_seen.sort();
    regions_seen.dedup();
    let chosen = match region {
        Some(r) => {
            if !regions_seen.iter().any(|s| s == r) {
                return Err(format!(
                    "has no prices for {r}: it holds prices for {}",
                    regions_seen.join(", ")
                ));
            }
            r.to_owned()
        }
        None => match regions_seen.as_slice() {
            [one] if candidates.iter().all(|c| c.region.is_some()) => one.clone(),
            [_] => {
                return Err(
                    "does not say which Region its prices are for (no regionCode or \
                            location a known Region has)"
                        .into(),
                );
            }
            many => {
                return Err(format!(
                    "holds prices for {} Regions ({}); choose one with --region",
                    many.len(),
                    many.join(", ")
                ));
            }
        },
    };
    if !regions::is_known(&chosen) {
        return Err(format!("is for {}", regions::unknown_message(&chosen)));
    }
    candidates.retain(|c| c.region.as_deref() == Some(chosen.as_str()));
    // An offer file's date may come after its terms (JSON keeps no order): dated here.
    for c in &mut candidates {
        if c.as_of.is_empty() {
            c.as_of.clone_from(&state.publication);
        }
    }
    let mut warnings = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    // One price per matcher, in the data's order; a second product with another price is said.
    candidates.sort_by_key(|c| c.entry);
    for c in candidates {
        let (id, m) = &matchers.entries[c.entry];
        let amount = m.amount(c.per_unit);
        if let Some(first) = found.iter().find(|f| &f.id == id) {
            if (first.amount - amount).abs() > 1e-12 {
                warnings.push(format!(
                    "price \"{id}\" matches SKU {} ({}) and SKU {} ({} {} each); kept the first",
                    first.sku, first.aws_price, c.sku, c.per_unit, c.unit
                ));
            }
            continue;
        }
        found.push(Found {
            id: id.clone(),
            amount,
            as_of: c.as_of,
            offer: c.offer,
            sku: c.sku,
            aws_price: format!("{} USD per {}", c.per_unit, c.unit),
        });
    }
    let as_of = found
        .iter()
        .map(|f| f.as_of.as_str())
        .min()
        .unwrap_or_default()
        .to_owned();
    let mut offers: Vec<String> = found.iter().map(|f| f.offer.clone()).collect();
    offers.sort();
    offers.dedup();
    Ok(Parsed {
        layout,
        offers,
        region: chosen,
        as_of,
        found,
        warnings,
        bytes,
    })
}

impl State<'_> {
    /// Matches the product whose attributes are in `self.attrs[..len]`; returns the matchers.
    fn match_product(&mut self, len: usize, offer: &str) -> Option<Wanted> {
        self.products += 1;
        let attrs = &self.attrs[..len];
        let offer = attribute(attrs, "servicecode")
            .filter(|s| !s.is_empty())
            .unwrap_or(offer);
        self.hits.clear();
        self.matchers.find(offer, attrs, &mut self.hits);
        if self.hits.is_empty() {
            return None;
        }
        let region = attribute(attrs, "regionCode")
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .or_else(|| {
                attribute(attrs, "location")
                    .and_then(regions::code_of_location)
                    .map(str::to_owned)
            });
        Some(Wanted {
            entries: self.hits.clone(),
            region,
            offer: offer.to_owned(),
        })
    }

    /// Turns a wanted product's On-Demand dimensions into candidates, one per matcher.
    fn price(&mut self, sku: &str, wanted: &Wanted, dims: &[Dim], as_of: &str) {
        for &entry in &wanted.entries {
            let m = &self.matchers.entries[entry].1;
            // The first tier: the dimension starting at 0 (Lambda's duration has three).
            let best = dims
                .iter()
                .filter(|d| m.unit_ok(&d.unit))
                .filter_map(|d| {
                    let begin = d
                        .begin_range
                        .as_deref()
                        .map_or(Some(0.0), |b| b.parse::<f64>().ok())?;
                    let usd = d.price_per_unit.get("USD")?.parse::<f64>().ok()?;
                    (usd.is_finite() && usd >= 0.0).then_some((begin, usd, d))
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, usd, d)) = best {
                self.candidates.push(Candidate {
                    entry,
                    sku: sku.to_owned(),
                    offer: wanted.offer.clone(),
                    region: wanted.region.clone(),
                    as_of: as_of.to_owned(),
                    per_unit: usd,
                    unit: d.unit.clone(),
                });
            }
        }
    }
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn dims_of(terms: HashMap<String, Term>) -> Vec<Dim> {
    terms
        .into_values()
        .flat_map(|t| t.price_dimensions.into_values())
        .collect()
}
