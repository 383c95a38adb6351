//! The AWS Regions computepick knows, with the `location` name AWS's price list gives each one.
//! Older offer files name a product's Region only by `location` ("EU (Frankfurt)"); newer ones
//! also carry `regionCode`. Source: the Regions table of the AWS General Reference,
//! <https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html>, and the
//! `location` values of the price list (`aws pricing get-attribute-values --service-code
//! AmazonEC2 --attribute-name location`).

/// (Region code, price-list location), in the General Reference's order.
pub const REGIONS: &[(&str, &str)] = &[
    ("us-east-1", "US East (N. Virginia)"),
    ("us-east-2", "US East (Ohio)"),
    ("us-west-1", "US West (N. California)"),
    ("us-west-2", "US West (Oregon)"),
    ("af-south-1", "Africa (Cape Town)"),
    ("ap-east-1", "Asia Pacific (Hong Kong)"),
    ("ap-east-2", "Asia Pacific (Taipei)"),
    ("ap-south-1", "Asia Pacific (Mumbai)"),
    ("ap-south-2", "Asia Pacific (Hyderabad)"),
    ("ap-southeast-1", "Asia Pacific (Singapore)"),
    ("ap-southeast-2", "Asia Pacific (Sydney)"),
    ("ap-southeast-3", "Asia Pacific (Jakarta)"),
    ("ap-southeast-4", "Asia Pacific (Melbourne)"),
    ("ap-southeast-5", "Asia Pacific (Malaysia)"),
    ("ap-southeast-6", "Asia Pacific (New Zealand)"),
    ("ap-southeast-7", "Asia Pacific (Thailand)"),
    ("ap-northeast-1", "Asia Pacific (Tokyo)"),
    ("ap-northeast-2", "Asia Pacific (Seoul)"),
    ("ap-northeast-3", "Asia Pacific (Osaka)"),
    ("ca-central-1", "Canada (Central)"),
    ("ca-west-1", "Canada West (Calgary)"),
    ("eu-central-1", "EU (Frankfurt)"),
    ("eu-central-2", "EU (Zurich)"),
    ("eu-west-1", "EU (Ireland)"),
    ("eu-west-2", "EU (London)"),
    ("eu-west-3", "EU (Paris)"),
    ("eu-south-1", "EU (Milan)"),
    ("eu-south-2", "EU (Spain)"),
    ("eu-north-1", "EU (Stockholm)"),
    ("il-central-1", "Israel (Tel Aviv)"),
    ("me-south-1", "Middle East (Bahrain)"),
    ("me-central-1", "Middle East (UAE)"),
    ("mx-central-1", "Mexico (Central)"),
    ("sa-east-1", "South America (Sao Paulo)"),
    ("us-gov-east-1", "AWS GovCloud (US-East)"),
    ("us-gov-west-1", "AWS GovCloud (US-West)"),
];

/// Whether `code` is a Region computepick knows.
pub fn is_known(code: &str) -> bool {
    REGIONS.iter().any(|(c, _)| *c == code)
}

/// The Region code of a price-list `location`, when it names a known Region.
pub fn code_of_location(location: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|(_, l)| l.eq_ignore_ascii_case(location))
        .map(|(c, _)| *c)
}

/// `; did you mean "eu-central-1"?` for a misspelt Region, or nothing.
pub fn did_you_mean(code: &str) -> String {
    crate::text::closest(code, REGIONS.iter().map(|(c, _)| *c))
        .map(|best| format!("; did you mean \"{best}\"?"))
        .unwrap_or_default()
}

/// `unknown region "eu-centrl-1"; did you mean "eu-central-1"?` and the list of known ones.
pub fn unknown_message(code: &str) -> String {
    let hint = did_you_mean(code);
    format!(
        "unknown region \"{code}\"{hint} (known: {})",
        REGIONS
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_and_codes_round_trip() {
        assert_eq!(code_of_location("EU (Frankfurt)"), Some("eu-central-1"));
        assert_eq!(code_of_location("us east (n. virginia)"), Some("us-east-1"));
        assert!(is_known("ap-southeast-2"));
        assert!(!is_known("eu-central-9"));
        assert!(unknown_message("eu-centrl-1").contains("did you mean \"eu-central-1\""));
    }
}
