//! Which product of AWS's price list is which price of the guide: a price in `decisions.ron`
//! carries an optional `aws` matcher (offer code, product attributes, usage type, unit and the
//! factor from AWS's unit to the guide's), so a price added to the data later is imported
//! without code changes. EC2 instance prices (`ec2.<type>` per `instance-hour`) need none: they
//! get the On-Demand, shared-tenancy Linux matcher for their type (see [`matcher_for`]).
//!
//! The attribute names and values are those of AWS's price list ("Product details" in
//! <https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-service-price-list-file-for-services.html>;
//! the values for a service come from `aws pricing get-attribute-values`).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::data::{AwsPrice, Price, PriceKind};

/// The price's matcher: its own, or for an EC2 instance price (`ec2.m5.large` per
/// `instance-hour`) On-Demand Linux with shared tenancy, no pre-installed software, capacity
/// in use (not a Capacity Reservation): usage type `BoxUsage:<type>`, operation `RunInstances`.
pub fn matcher_for(price: &Price) -> Option<Cow<'_, AwsPrice>> {
    if let Some(aws) = &price.aws {
        return Some(Cow::Borrowed(aws));
    }
    let instance = price.id.strip_prefix("ec2.")?;
    if price.unit != "instance-hour" || price.kind != PriceKind::Rate || instance.contains(' ') {
        return None;
    }
    let attributes = [
        ("instanceType", instance),
        ("operatingSystem", "Linux"),
        ("tenancy", "Shared"),
        ("preInstalledSw", "NA"),
        ("capacitystatus", "Used"),
        ("operation", "RunInstances"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    Some(Cow::Owned(AwsPrice {
        offer: "AmazonEC2".into(),
        attributes,
        usagetype: format!("BoxUsage:{instance}"),
        unit: "Hrs".into(),
        scale: 1.0,
        round_cents: false,
    }))
}

/// The prices an import looks for, indexed so each product of a file of hundreds of thousands
/// is checked with a few hash lookups rather than against every matcher.
#[derive(Debug, Clone)]
pub struct Matchers {
    /// (price id, matcher), in data order.
    pub entries: Vec<(String, AwsPrice)>,
    /// Offer code (lower case) → the attribute each matcher is looked up by (lower case) →
    /// that attribute's value (lower case; a usage type without its prefix) → matchers.
    index: HashMap<String, HashMap<String, HashMap<String, Vec<usize>>>>,
}

impl Matchers {
    pub fn new(prices: &[Price]) -> Matchers {
        let entries: Vec<(String, AwsPrice)> = prices
            .iter()
            .filter_map(|p| matcher_for(p).map(|m| (p.id.clone(), m.into_owned())))
            .collect();
        let mut index: HashMap<String, HashMap<String, HashMap<String, Vec<usize>>>> =
            HashMap::new();
        for (i, (_, m)) in entries.iter().enumerate() {
            let (name, value) = anchor(m);
            index
                .entry(m.offer.to_lowercase())
                .or_default()
                .entry(name)
                .or_default()
                .entry(value)
                .or_default()
                .push(i);
        }
        Matchers { entries, index }
    }

    /// Whether any price is read from this offer's file.
    pub fn uses_offer(&self, offer: &str) -> bool {
        self.index.contains_key(&offer.to_lowercase())
    }

    /// The offer codes read, sorted.
    pub fn offers(&self) -> Vec<String> {
        let mut offers: Vec<String> = self.entries.iter().map(|(_, m)| m.offer.clone()).collect();
        offers.sort();
        offers.dedup();
        offers
    }

    /// The matchers a product of `offer` with these attributes satisfies (indices into
    /// [`Matchers::entries`]), appended to `out`.
    pub fn find(&self, offer: &str, attributes: &[(String, String)], out: &mut Vec<usize>) {
        let Some(by_name) = self.index.get(offer).or_else(|| {
            // Offer codes are compared without letter case; the common case needs no allocation.
            self.index.get(&offer.to_lowercase())
        }) else {
            return;
        };
        let mut lowered = String::new();
        for (name, values) in by_name {
            let Some(value) = attribute(attributes, name) else {
                continue;
            };
            lowered.clear();
            lowered.push_str(value);
            lowered.make_ascii_lowercase();
            let mut candidates: Vec<&Vec<usize>> =
                values.get(lowered.as_str()).into_iter().collect();
            if name == "usagetype" {
                let bare = strip_region_prefix(value);
                if bare.len() != value.len() {
                    candidates.extend(values.get(bare.to_ascii_lowercase().as_str()));
                }
            }
            for &i in candidates.into_iter().flatten() {
                if self.entries[i].1.matches(attributes) && !out.contains(&i) {
                    out.push(i);
                }
            }
        }
    }
}

/// The attribute a matcher is indexed by: the instance type, else the usage type, else its
/// first attribute.
fn anchor(m: &AwsPrice) -> (String, String) {
    if let Some((k, v)) = m
        .attributes
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("instanceType"))
    {
        return (k.to_lowercase(), v.to_lowercase());
    }
    if !m.usagetype.is_empty() {
        return ("usagetype".into(), m.usagetype.to_lowercase());
    }
    m.attributes
        .iter()
        .next()
        .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
        .unwrap_or_default()
}

/// A product attribute by name, letter case aside.
fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// `EUC1-BoxUsage:m5.large` → `BoxUsage:m5.large`: AWS prefixes usage types with a Region code
/// of capitals and digits (`USE1-`, `EUC1-`, `EU-` for Ireland); us-east-1's often have none.
pub fn strip_region_prefix(usagetype: &str) -> &str {
    match usagetype.split_once('-') {
        Some((prefix, rest))
            if (2..=5).contains(&prefix.len())
                && prefix
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && !rest.is_empty() =>
        {
            rest
        }
        _ => usagetype,
    }
}

impl AwsPrice {
    /// Whether a product with these attributes is this price's.
    pub fn matches(&self, attributes: &[(String, String)]) -> bool {
        let attrs_ok = self.attributes.iter().all(|(k, v)| {
            attribute(attributes, k).is_some_and(|found| found.eq_ignore_ascii_case(v))
        });
        attrs_ok
            && (self.usagetype.is_empty()
                || attribute(attributes, "usagetype").is_some_and(|u| {
                    u.eq_ignore_ascii_case(&self.usagetype)
                        || strip_region_prefix(u).eq_ignore_ascii_case(&self.usagetype)
                }))
    }

    /// Whether a price dimension's unit is the one wanted.
    pub fn unit_ok(&self, unit: &str) -> bool {
        self.unit.is_empty() || self.unit.eq_ignore_ascii_case(unit)
    }

    /// AWS's price per unit in the guide's unit.
    pub fn amount(&self, aws_per_unit: f64) -> f64 {
        let scaled = aws_per_unit * self.scale;
        if self.round_cents {
            (scaled * 100.0).round() / 100.0
        } else {
            // Twelve significant digits: 0.0000002 × 1,000,000 reads 0.2, not 0.19999999999999998.
            let magnitude = scaled.abs().log10().floor();
            if scaled == 0.0 || !magnitude.is_finite() {
                return scaled;
            }
            let factor = 10f64.powi(11 - magnitude as i32);
            (scaled * factor).round() / factor
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn usage_types_match_with_or_without_a_region_prefix() {
        assert_eq!(
            strip_region_prefix("EUC1-BoxUsage:m5.large"),
            "BoxUsage:m5.large"
        );
        assert_eq!(
            strip_region_prefix("EU-BoxUsage:m5.large"),
            "BoxUsage:m5.large"
        );
        assert_eq!(
            strip_region_prefix("BoxUsage:m5.large"),
            "BoxUsage:m5.large"
        );
        assert_eq!(strip_region_prefix("Lambda-GB-Second"), "Lambda-GB-Second");
        assert_eq!(strip_region_prefix("Request-ARM"), "Request-ARM");
        let m = AwsPrice {
            offer: "AWSLambda".into(),
            attributes: std::collections::BTreeMap::new(),
            usagetype: "Request".into(),
            unit: "Requests".into(),
            scale: 1e6,
            round_cents: false,
        };
        assert!(m.matches(&attrs(&[("usagetype", "Request")])));
        assert!(m.matches(&attrs(&[("usagetype", "EUC1-Request")])));
        assert!(!m.matches(&attrs(&[("usagetype", "EUC1-Request-ARM")])));
        assert_eq!(m.amount(0.0000002), 0.2);
    }

    #[test]
    fn ec2_prices_get_a_matcher_from_their_id() {
        let price = Price {
            id: "ec2.m5.large".into(),
            service: "ecs-ec2".into(),
            label: "EC2 m5.large (2 vCPU, 8 GiB, Intel)".into(),
            amount: 0.096,
            unit: "instance-hour".into(),
            region: None,
            kind: PriceKind::Rate,
            source: "https://aws.amazon.com/ec2/pricing/on-demand/".into(),
            as_of: "2026-11-23".into(),
            aws: None,
        };
        let m = matcher_for(&price).expect("derived");
        assert_eq!(m.offer, "AmazonEC2");
        assert_eq!(m.usagetype, "BoxUsage:m5.large");
        let matchers = Matchers::new(std::slice::from_ref(&price));
        let product = attrs(&[
            ("servicecode", "AmazonEC2"),
            ("instanceType", "m5.large"),
            ("operatingSystem", "Linux"),
            ("tenancy", "Shared"),
            ("preInstalledSw", "NA"),
            ("capacitystatus", "Used"),
            ("operation", "RunInstances"),
            ("usagetype", "EUC1-BoxUsage:m5.large"),
        ]);
        let mut found = Vec::new();
        matchers.find("AmazonEC2", &product, &mut found);
        assert_eq!(found, vec![0]);
        let windows = attrs(&[
            ("instanceType", "m5.large"),
            ("operatingSystem", "Windows"),
            ("usagetype", "EUC1-BoxUsage:m5.large"),
        ]);
        found.clear();
        matchers.find("AmazonEC2", &windows, &mut found);
        assert!(found.is_empty());
    }

    #[test]
    fn lightsail_months_round_to_cents() {
        let m = AwsPrice {
            offer: "AmazonLightsail".into(),
            attributes: std::collections::BTreeMap::new(),
            usagetype: "BundleUsage:0.5GB".into(),
            unit: "Hrs".into(),
            scale: 744.0,
            round_cents: true,
        };
        assert_eq!(m.amount(0.0067204301), 5.0);
    }
}
