//! The estimator's view of `decisions.ron`'s `prices`: rates by id, discounts, and the catalogues
//! (EC2 instance types, Lightsail bundles) read from price labels.
//!
//! Every number the estimator multiplies by comes from here, so a corrected data file corrects the
//! estimate without touching code. Instance sizes live in the labels ("EC2 m5.large (2 vCPU, 8 GiB,
//! Intel)") because the price schema has no fields for them; the parsers below are strict enough
//! that a label they cannot read leaves that type out rather than guessing.

use std::collections::HashMap;

use crate::data::{Guide, Price, PriceKind};

/// One price, resolved to dollars per base unit: `$0.20 per 1M requests` becomes 0.0000002 per
/// `requests`, so quantities are always counted in plain units.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    pub id: String,
    pub label: String,
    /// Dollars per one `unit`.
    pub per_unit: f64,
    /// The base unit: `requests`, `GB-second`, `instance-hour`, `month`.
    pub unit: String,
    /// As the data states it: `$0.20 per 1M requests`.
    pub display: String,
}

/// An EC2 instance type the estimator can size a fleet from.
#[derive(Debug, Clone, PartialEq)]
pub struct InstanceType {
    /// The price id, `ec2.m5.large`.
    pub price_id: String,
    /// `m5.large`.
    pub name: String,
    pub vcpu: f64,
    pub memory_gib: f64,
    /// Share of each vCPU it sustains: 1 for fixed-performance types, for example 0.2 for a
    /// t3.small, whose CPU above that is throttled or billed as surplus credits.
    pub baseline: f64,
    pub arm: bool,
    pub hourly: f64,
}

/// A Lightsail Linux bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub price_id: String,
    pub label: String,
    pub vcpu: f64,
    pub memory_gib: f64,
    pub baseline: f64,
    /// It earns burst capacity while below its baseline; the $384 plan and larger do not
    /// (their labels say "no burst capacity").
    pub accrues: bool,
    pub monthly: f64,
}

/// Prices by id plus the catalogues, read once per data file.
#[derive(Debug, Clone)]
pub struct PriceBook {
    prices: HashMap<String, Price>,
    /// Every rate resolved once, so pricing thousands of sweep points formats nothing.
    rates: HashMap<String, Rate>,
    pub instances: Vec<InstanceType>,
    pub bundles: Vec<Bundle>,
    /// The region the prices are for: one region, or several joined when the data mixes them.
    pub region: String,
    /// The oldest as-of date among the rates, so the output never claims fresher data than it has.
    pub as_of: String,
    pub currency: String,
}

impl PriceBook {
    pub fn new(guide: &Guide) -> PriceBook {
        let prices: HashMap<String, Price> = guide
            .prices
            .iter()
            .map(|p| (p.id.clone(), p.clone()))
            .collect();
        let instances = guide
            .prices
            .iter()
            .filter(|p| p.id.starts_with("ec2.") && p.unit == "instance-hour")
            .filter(|p| p.kind == PriceKind::Rate)
            .filter_map(instance_type)
            .collect();
        let bundles = guide
            .prices
            .iter()
            .filter(|p| p.id.starts_with("lightsail.linux.") && p.unit == "month")
            .filter(|p| p.kind == PriceKind::Rate)
            .filter_map(bundle)
            .collect();
        // The Region the rates are for: the chosen one (rates an import did not find stay
        // built-in, and the estimate's notes name each).
        let regions: std::collections::BTreeSet<&str> = guide
            .prices
            .iter()
            .filter(|p| !p.region_independent())
            .map(|p| p.region.as_deref().unwrap_or(&guide.meta.region))
            .collect();
        // (`prices::select` makes the chosen Region the guide's own.)
        let region = if regions.contains(guide.meta.region.as_str()) {
            guide.meta.region.clone()
        } else {
            regions
                .iter()
                .next()
                .map_or_else(|| guide.meta.region.clone(), |r| (*r).to_owned())
        };
        // The rates' date: allowances and discounts are the same in every Region and are not
        // refreshed by an import (`computepick prices`), so they do not date the prices.
        let as_of = crate::prices::prices_as_of(guide)
            .unwrap_or(&guide.meta.as_of)
            .to_owned();
        let rates = prices
            .values()
            .filter(|p| p.kind == PriceKind::Rate)
            .map(|p| {
                let (multiplier, unit) = split_unit(&p.unit);
                let rate = Rate {
                    id: p.id.clone(),
                    label: p.label.clone(),
                    per_unit: p.amount / multiplier,
                    unit: unit.to_owned(),
                    display: p.display(),
                };
                (p.id.clone(), rate)
            })
            .collect();
        PriceBook {
            prices,
            rates,
            instances,
            bundles,
            region,
            as_of,
            currency: guide.meta.currency.clone(),
        }
    }

    fn price(&self, id: &str) -> Result<&Price, String> {
        self.prices
            .get(id)
            .ok_or_else(|| format!("the data has no price \"{id}\""))
    }

    /// A rate in dollars per base unit.
    pub fn rate(&self, id: &str) -> Result<&Rate, String> {
        self.rates.get(id).ok_or_else(|| match self.prices.get(id) {
            Some(_) => format!("price \"{id}\" is an allowance, not a rate"),
            None => format!("the data has no price \"{id}\""),
        })
    }

    /// A free allowance or a stated quantity, in the price's own unit.
    pub fn allowance(&self, id: &str) -> Result<(f64, String), String> {
        let p = self.price(id)?;
        if p.kind != PriceKind::Allowance {
            return Err(format!("price \"{id}\" is a rate, not an allowance"));
        }
        Ok((p.amount, p.display()))
    }

    /// A discount stated as percent off (an allowance whose unit starts with "percent"), as a
    /// fraction from 0 to 1, with its text for the breakdown.
    pub fn discount(&self, id: &str) -> Result<(f64, String), String> {
        let (amount, display) = self.allowance(id)?;
        let p = self.price(id)?;
        if !p.unit.starts_with("percent") || amount > 100.0 {
            return Err(format!(
                "price \"{id}\" is not a percentage (unit \"{}\")",
                p.unit
            ));
        }
        Ok((amount / 100.0, display))
    }
}

/// `1M requests` → (1,000,000, `requests`); `GB-second` → (1, `GB-second`).
fn split_unit(unit: &str) -> (f64, &str) {
    let Some((head, rest)) = unit.split_once(' ') else {
        return (1.0, unit);
    };
    let (digits, scale) = match head.char_indices().last() {
        Some((i, 'k' | 'K')) => (&head[..i], 1e3),
        Some((i, 'M')) => (&head[..i], 1e6),
        Some((i, 'B')) => (&head[..i], 1e9),
        _ => (head, 1.0),
    };
    match digits.parse::<f64>() {
        Ok(n) if n > 0.0 && n.is_finite() => (n * scale, rest.trim()),
        _ => (1.0, unit),
    }
}

/// The number just before `marker` in `text`: `"2 vCPU"` with `" vCPU"` → 2.
fn number_before(text: &str, marker: &str) -> Option<f64> {
    let end = text.find(marker)?;
    let head = &text[..end];
    let start = head
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(0, |i| i + 1);
    head[start..].replace(',', "").parse().ok()
}

/// `... burstable at a 20% baseline ...` → 0.2; fixed-performance types sustain every vCPU.
fn baseline(label: &str) -> Option<f64> {
    if !label.contains("% baseline") {
        return if label.contains("burstable") {
            // A burstable type whose baseline the data does not state cannot be sized honestly.
            None
        } else {
            Some(1.0)
        };
    }
    let pct = number_before(label, "% baseline")?;
    (pct > 0.0 && pct <= 100.0).then_some(pct / 100.0)
}

/// Reads `EC2 m5.large (2 vCPU, 8 GiB, Intel)`. GPU types are left out: their price is for the
/// GPU, and a workload that needs one is not what this estimate sizes.
fn instance_type(p: &Price) -> Option<InstanceType> {
    if p.label.contains("GPU") || p.amount <= 0.0 {
        return None;
    }
    let name = p.id.strip_prefix("ec2.")?.to_owned();
    let vcpu = number_before(&p.label, " vCPU")?;
    let memory_gib = number_before(&p.label, " GiB")?;
    if vcpu <= 0.0 || memory_gib <= 0.0 {
        return None;
    }
    Some(InstanceType {
        price_id: p.id.clone(),
        name,
        vcpu,
        memory_gib,
        baseline: baseline(&p.label)?,
        arm: p.label.contains("Graviton") || p.label.contains("Arm"),
        hourly: p.amount,
    })
}

/// Reads `Lightsail Linux bundle: 512 MB memory, 2 vCPU at a 5% baseline, 20 GB SSD`. Lightsail
/// bundles are all burstable, so one without a stated baseline is left out.
fn bundle(p: &Price) -> Option<Bundle> {
    let memory_gib = number_before(&p.label, " GB memory")
        .or_else(|| number_before(&p.label, " MB memory").map(|mb| mb / 1024.0))?;
    let vcpu = number_before(&p.label, " vCPU")?;
    let pct = number_before(&p.label, "% baseline")?;
    if vcpu <= 0.0 || memory_gib <= 0.0 || pct <= 0.0 || pct > 100.0 || p.amount <= 0.0 {
        return None;
    }
    Some(Bundle {
        price_id: p.id.clone(),
        label: p.label.clone(),
        vcpu,
        memory_gib,
        baseline: pct / 100.0,
        accrues: !p.label.contains("no burst capacity"),
        monthly: p.amount,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn price(id: &str, label: &str, amount: f64, unit: &str) -> Price {
        Price {
            id: id.into(),
            service: "ecs-ec2".into(),
            label: label.into(),
            amount,
            unit: unit.into(),
            region: None,
            kind: PriceKind::Rate,
            source: "https://example.com".into(),
            as_of: "2026-11-23".into(),
            aws: None,
        }
    }

    #[test]
    fn units_with_a_multiplier_become_plain_units() {
        assert_eq!(split_unit("1M requests"), (1e6, "requests"));
        assert_eq!(split_unit("GB-second"), (1.0, "GB-second"));
        assert_eq!(
            split_unit("no additional charge"),
            (1.0, "no additional charge")
        );
    }

    #[test]
    fn labels_give_instance_sizes() {
        let t = instance_type(&price(
            "ec2.t3.small",
            "EC2 t3.small (2 vCPU burstable at a 20% baseline, 2 GiB)",
            0.0208,
            "instance-hour",
        ))
        .expect("reads");
        assert_eq!(
            (t.vcpu, t.memory_gib, t.baseline, t.arm),
            (2.0, 2.0, 0.2, false)
        );
        let g = instance_type(&price(
            "ec2.m7g.large",
            "EC2 m7g.large (2 vCPU, 8 GiB, Graviton3)",
            0.0816,
            "instance-hour",
        ))
        .expect("reads");
        assert!(g.arm && g.baseline == 1.0);
        // A GPU type, and a burstable type without its baseline, are left out.
        assert!(
            instance_type(&price(
                "ec2.g4dn.xlarge",
                "EC2 g4dn.xlarge (4 vCPU, 16 GiB, 1 NVIDIA T4 GPU)",
                0.526,
                "instance-hour"
            ))
            .is_none()
        );
        assert!(
            instance_type(&price(
                "ec2.t3.nano",
                "EC2 t3.nano (2 vCPU burstable, 0.5 GiB)",
                0.0052,
                "instance-hour"
            ))
            .is_none()
        );
    }

    #[test]
    fn labels_give_bundle_sizes() {
        let b = bundle(&price(
            "lightsail.linux.512mb",
            "Lightsail Linux bundle: 512 MB memory, 2 vCPU at a 5% baseline, 20 GB SSD",
            5.0,
            "month",
        ))
        .expect("reads");
        assert_eq!((b.memory_gib, b.vcpu, b.baseline), (0.5, 2.0, 0.05));
        let big = bundle(&price(
            "lightsail.linux.64gb",
            "Lightsail Linux bundle: 64 GB memory, 16 vCPU at a 40% baseline, 1,280 GB SSD",
            384.0,
            "month",
        ))
        .expect("reads");
        assert_eq!((big.memory_gib, big.vcpu), (64.0, 16.0));
    }
}
