//! Importing AWS's price list (`computepick prices import`): both published forms found price by
//! price (values checked by hand against the fixtures in `tests/fixtures/prices/`, written by its
//! `generate.py`), a second Region's import changing `cost --region` totals as computed by hand,
//! bad files refused without touching what is installed, stale prices marked from a date passed
//! in, and the Cost tab switching Regions.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{
    EXAMPLE_WORKLOAD, THUMBNAILS, answer_args, app_total, computepick, failure, flat, guide,
    mkfifo, stdout, success,
};
use assert_cmd::Command;
use computepick::app::{App, FormRow, Tab};
use computepick::data::{self};
use computepick::keys::Action;
use computepick::prices::{self, Matchers, RegionChoice, offer};

const FIXTURES: &str = "tests/fixtures/prices";
/// No load balancer, so the hand sums below are compute and one public IPv4 address per task or
/// instance (the cost model includes IPv4 for every service alike).
fn size() -> Vec<&'static str> {
    [EXAMPLE_WORKLOAD, &["--no-load-balancer"]].concat()
}

/// A public IPv4 address all month, in either Region: 730 h × $0.005.
const IPV4_MONTH: f64 = 730.0 * 0.005;

/// The rates the import did not find (they have no `aws:` matcher: the T3/T4g surplus credits
/// and the 2026 Lightsail plans, whose price-list names are not confirmed) stay built-in.
const NOT_IMPORTED_NOTE: &str = "12 prices are not in the eu-central-1 price list imported and stay the built-in us-east-1 ones";

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

fn all_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn read(name: &str) -> offer::Parsed {
    let guide = guide();
    let matchers = Matchers::new(&guide.prices);
    let file = std::fs::File::open(fixture(name)).expect("fixture opens");
    offer::read(file, 0, &matchers, None, &mut |_, _| {}).unwrap_or_else(|e| panic!("{name} {e}"))
}

fn amounts(parsed: &offer::Parsed) -> BTreeMap<String, f64> {
    parsed
        .found
        .iter()
        .map(|f| (f.id.clone(), f.amount))
        .collect()
}

/// A command with its own data directory, no config file, and a fixed today.
fn in_home(data_home: &Path) -> Command {
    let mut cmd = computepick();
    cmd.env("XDG_DATA_HOME", data_home)
        .env("COMPUTEPICK_TODAY", "2026-12-02")
        .env("COLUMNS", "100");
    cmd
}

/// `cost` of the usual size in `region`, with its own data directory.
fn cost_in(data_home: &Path, region: &str) -> Command {
    let mut cmd = in_home(data_home);
    cmd.arg("cost").args(size()).args(["--region", region]);
    cmd
}

/// What `cost_in` prints, its lines unwrapped.
fn cost_text(data_home: &Path, region: &str) -> String {
    flat(&stdout(&mut cost_in(data_home, region)))
}

/// A data directory with every fixture imported.
fn imported() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    import_all(home.path());
    home
}

fn import_all(home: &Path) {
    let (_, stderr) = success(
        in_home(home)
            .args(["prices", "import"])
            .args(all_fixtures()),
    );
    // No progress bar when stderr is not a terminal, and nothing else to say.
    assert_eq!(stderr, "");
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_offer_file_gives_each_price_by_hand() {
    let lambda = read("AWSLambda-offer-eu-central-1.json");
    assert_eq!(lambda.layout, offer::Layout::OfferFile);
    assert_eq!(
        (lambda.region.as_str(), lambda.as_of.as_str()),
        ("eu-central-1", "2026-11-28")
    );
    let got = amounts(&lambda);
    // $0.0000002 per request is $0.20 per 1M; duration is the first tier (0 to 6 billion GB-s),
    // not the cheaper tiers after it nor provisioned concurrency.
    let want = [
        ("lambda.requests", 0.20),
        ("lambda.duration.x86", 0.0000166667),
        ("lambda.duration.arm", 0.0000133334),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (id, amount) in want {
        assert!(close(got[id], amount), "{id}: {} != {amount}", got[id]);
    }

    let ec2 = amounts(&read("AmazonEC2-offer-eu-central-1.json"));
    // Linux, shared tenancy, capacity used: not the Windows ($0.207), RHEL ($0.1438),
    // dedicated ($0.127) or unused-reservation look-alikes, nor SQL Server's t3.micro ($0.032).
    for (id, amount) in [
        ("ec2.m5.large", 0.115),
        ("ec2.t3.micro", 0.012),
        ("ec2.t4g.micro", 0.0096),
        ("ec2.m7g.large", 0.0972),
        ("ec2.c5.large", 0.097),
        ("ec2.r7g.16xlarge", 4.1344),
        ("ec2.g4dn.xlarge", 0.658),
    ] {
        assert!(close(ec2[id], amount), "{id}: {} != {amount}", ec2[id]);
    }
    let guide = guide();
    for p in guide
        .prices
        .iter()
        .filter(|p| p.id.starts_with("ec2.") && p.unit == "instance-hour")
    {
        assert!(
            ec2.contains_key(&p.id),
            "{} not found in the EC2 offer file",
            p.id
        );
    }

    let lightsail = amounts(&read("AmazonLightsail-offer-eu-central-1.json"));
    // Hourly rates × 744 hours, to the cent: $0.0067204301 × 744 = $5.00. Not the Windows
    // ($9.50) or IPv6-only ($3.50) bundle.
    for (id, amount) in [
        ("lightsail.linux.512mb", 5.0),
        ("lightsail.linux.1gb", 7.0),
        ("lightsail.linux.64gb", 384.0),
        ("lightsail.load-balancer", 18.0),
        ("lightsail.transfer-overage", 0.09),
    ] {
        assert!(
            close(lightsail[id], amount),
            "{id}: {} != {amount}",
            lightsail[id]
        );
    }
}

#[test]
fn get_products_output_gives_each_price_by_hand() {
    // The same Lambda prices in both forms.
    let offer_file = amounts(&read("AWSLambda-offer-eu-central-1.json"));
    let query = read("AWSLambda-get-products-eu-central-1.json");
    assert_eq!(query.layout, offer::Layout::GetProducts);
    assert_eq!(amounts(&query), offer_file);

    let cases: [(&str, &[(&str, f64)]); 4] = [
        // Not Windows ($0.10734) or Spot ($0.0154).
        (
            "AmazonECS-get-products-eu-central-1.json",
            &[
                ("fargate.vcpu.x86", 0.04656),
                ("fargate.memory.x86", 0.00511),
                ("fargate.vcpu.arm", 0.03725),
                ("fargate.memory.arm", 0.00409),
                ("fargate.ephemeral-storage", 0.000127),
            ],
        ),
        (
            "AmazonEKS-get-products-eu-central-1.json",
            &[
                ("eks.cluster.standard", 0.10),
                ("eks.cluster.extended", 0.60),
            ],
        ),
        // The Application Load Balancer, not the Network ($0.027 too) or Classic ($0.03) one.
        (
            "AWSELB-get-products-eu-central-1.json",
            &[("elb.alb.hour", 0.027), ("elb.alb.lcu", 0.0096)],
        ),
        (
            "AmazonVPC-get-products-eu-central-1.json",
            &[("vpc.public-ipv4", 0.005)],
        ),
    ];
    for (name, want) in cases {
        let parsed = read(name);
        assert_eq!(parsed.region, "eu-central-1", "{name}");
        assert_eq!(parsed.as_of, "2026-11-28", "{name}");
        let got = amounts(&parsed);
        assert_eq!(got.len(), want.len(), "{name}: {got:?}");
        for (id, amount) in want {
            assert!(
                close(got[*id], *amount),
                "{name} {id}: {} != {amount}",
                got[*id]
            );
        }
    }
}

#[test]
fn between_them_the_fixtures_give_every_price_the_guide_imports() {
    let guide = guide();
    let matchers = Matchers::new(&guide.prices);
    let mut found = std::collections::BTreeSet::new();
    for path in all_fixtures() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        found.extend(read(&name).found.into_iter().map(|f| f.id));
    }
    let missing: Vec<&str> = matchers
        .entries
        .iter()
        .map(|(id, _)| id.as_str())
        .filter(|id| !found.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture gives {missing:?}: add the product to tests/fixtures/prices/generate.py"
    );
}

#[test]
fn a_second_regions_import_changes_cost_totals_as_computed_by_hand() {
    let home = imported();
    let total = |json: &serde_json::Value, id: &str| {
        json["services"]
            .as_array()
            .expect("services")
            .iter()
            .find(|s| s["service"] == id)
            .and_then(|s| s["total"].as_f64())
            .unwrap_or(f64::NAN)
    };
    let run = |region: Option<&str>| -> serde_json::Value {
        let mut cmd = in_home(home.path());
        cmd.arg("cost").args(size()).args(["--format", "json"]);
        if let Some(r) = region {
            cmd.args(["--region", r]);
        }
        serde_json::from_str(&stdout(&mut cmd)).expect("json")
    };
    let virginia = run(None);
    let frankfurt = run(Some("eu-central-1"));
    assert_eq!(virginia["region"], "us-east-1");
    assert_eq!(frankfurt["region"], "eu-central-1");
    assert_eq!(frankfurt["as_of"], "2026-11-28");
    let notes = frankfurt["price_notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0]
            .as_str()
            .is_some_and(|n| n.starts_with(NOT_IMPORTED_NOTE)),
        "{notes:?}"
    );
    // Fargate: 10M × 0.2 s over 730 h is 0.76 tasks at once, so one task of 0.25 vCPU and
    // 0.5 GB all month: 730 × (0.25 × vCPU-hour + 0.5 × GB-hour), plus its public IPv4.
    assert!(close(
        total(&virginia, "fargate"),
        730.0 * (0.25 * 0.04048 + 0.5 * 0.004445) + IPV4_MONTH
    ));
    assert!(close(
        total(&frankfurt, "fargate"),
        730.0 * (0.25 * 0.04656 + 0.5 * 0.00511) + IPV4_MONTH
    ));
    assert!(close(total(&frankfurt, "fargate"), 10.36235 + 3.65));
    // ECS on EC2: one t3.micro all month, and its public IPv4.
    assert!(close(
        total(&virginia, "ecs-ec2"),
        730.0 * 0.0104 + IPV4_MONTH
    ));
    assert!(close(
        total(&frankfurt, "ecs-ec2"),
        730.0 * 0.012 + IPV4_MONTH
    ));
    // Lambda costs the same in Frankfurt: 9M billed requests × $0.20/1M + (1M − 0.4M free)
    // GB-seconds × $0.0000166667.
    let lambda = 9.0 * 0.20 + 600_000.0 * 0.0000166667;
    assert!(close(total(&virginia, "lambda"), lambda));
    assert!(close(total(&frankfurt, "lambda"), lambda));

    let text = cost_text(home.path(), "eu-central-1");
    assert!(
        text.contains("Prices: eu-central-1, as of 2026-11-28."),
        "{text}"
    );
    assert!(!text.contains("STALE"), "{text}");
}

#[test]
fn prices_lists_what_is_installed() {
    let home = tempfile::tempdir().expect("tempdir");
    let listed = stdout(in_home(home.path()).arg("prices"));
    assert!(
        listed.contains("us-east-1") && listed.contains("built in"),
        "{listed}"
    );
    assert!(!listed.contains("eu-central-1"), "{listed}");
    import_all(home.path());
    let listed = stdout(in_home(home.path()).arg("prices"));
    let row = listed
        .lines()
        .find(|l| l.starts_with("eu-central-1"))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(row.contains("2026-11-28"), "{row}");
    let n = Matchers::new(&guide().prices).entries.len();
    assert!(row.contains(&format!("{n}/{n}")), "{row}");
    assert!(
        listed.contains("AmazonEC2-offer-eu-central-1.json"),
        "{listed}"
    );
    assert!(
        listed.contains("AmazonECS-get-products-eu-central-1.json"),
        "{listed}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        in_home(home.path()).args(["prices", "--format", "json"]),
    ))
    .expect("json");
    assert_eq!(json[1]["region"], "eu-central-1");
    assert_eq!(json[1]["prices"], n);
    // The installed file is where the XDG spec says.
    assert!(
        home.path()
            .join("computepick/prices/eu-central-1.json")
            .is_file()
    );
}

#[test]
fn a_price_not_imported_stays_built_in_and_says_so() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = stdout(
        in_home(home.path())
            .args(["prices", "import"])
            .arg(fixture("AmazonECS-get-products-eu-central-1.json")),
    );
    assert!(
        out.contains("not found, so the built-in us-east-1 prices stay"),
        "{out}"
    );
    let text = cost_text(home.path(), "eu-central-1");
    assert!(text.contains("Prices: eu-central-1"), "{text}");
    assert!(
        text.contains(
            "not in the eu-central-1 price list imported and stay the built-in us-east-1 ones"
        ),
        "{text}"
    );
    assert!(text.contains("lambda.requests"), "{text}");
    // Importing more adds to what is there.
    stdout(
        in_home(home.path())
            .args(["prices", "import"])
            .args(all_fixtures()),
    );
    let text = cost_text(home.path(), "eu-central-1");
    assert!(text.contains(NOT_IMPORTED_NOTE), "{text}");
}

#[test]
fn bad_files_are_refused_by_name_and_installed_prices_stay_whole() {
    let home = imported();
    let installed = home.path().join("computepick/prices/eu-central-1.json");
    let before = std::fs::read(&installed).expect("installed");
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    };
    let lambda =
        std::fs::read_to_string(fixture("AWSLambda-offer-eu-central-1.json")).expect("read");
    let cases = [
        (
            write(
                "error.json",
                "<!DOCTYPE html>\n<html><body>Access Denied</body></html>\n",
            ),
            "is an HTML or XML page",
        ),
        (write("cut.json", &lambda[..lambda.len() / 2]), "ends early"),
        (
            write("s3.json", &lambda.replace("AWSLambda", "AmazonS3")),
            "is the price list of AmazonS3, which computepick does not read",
        ),
        (
            write(
                "mars.json",
                &lambda
                    .replace("eu-central-1", "mars-north-1")
                    .replace("EU (Frankfurt)", "Mars (Olympus)"),
            ),
            "unknown region \"mars-north-1\"",
        ),
        (write("empty.json", ""), "is empty"),
        (
            write("list.json", "[1, 2]"),
            "is not JSON: an AWS price list is a JSON object",
        ),
        (
            write("other.json", "{\"hello\": 1}"),
            "not an AWS price list",
        ),
    ];
    for (path, expected) in &cases {
        // A good file beside the bad one: nothing is installed from either.
        let err = failure(
            in_home(home.path())
                .args(["prices", "import"])
                .arg(fixture("AmazonECS-get-products-eu-central-1.json"))
                .arg(path),
            2,
        );
        let line = format!("computepick: {}: ", path.display());
        assert!(err.contains(&line), "{err}");
        assert!(err.contains(expected), "{expected}: {err}");
        assert!(err.contains("nothing was installed"), "{err}");
        assert_eq!(std::fs::read(&installed).expect("still there"), before);
    }
    // No temporary file is left beside the installed one.
    let entries = std::fs::read_dir(installed.parent().expect("dir"))
        .expect("ls")
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn regions_must_be_known_and_installed() {
    let home = tempfile::tempdir().expect("tempdir");
    let err = failure(&mut cost_in(home.path(), "eu-centrl-1"), 2);
    assert!(err.contains("did you mean \"eu-central-1\""), "{err}");
    let err = failure(&mut cost_in(home.path(), "eu-west-1"), 2);
    assert!(
        err.contains("no prices are installed for eu-west-1"),
        "{err}"
    );
    assert!(err.contains("computepick prices import"), "{err}");
    // The built-in Region needs no import.
    let text = cost_text(home.path(), "us-east-1");
    assert!(
        text.contains("Prices: us-east-1, as of 2026-11-23."),
        "{text}"
    );
    // A file holding another Region than --region asks for.
    let err = failure(
        in_home(home.path())
            .args(["prices", "import", "--region", "eu-west-1"])
            .arg(fixture("AWSLambda-offer-eu-central-1.json")),
        2,
    );
    assert!(
        err.contains("has no prices for eu-west-1: it holds prices for eu-central-1"),
        "{err}"
    );
}

#[test]
fn the_config_file_chooses_the_region_and_a_flag_wins() {
    let home = imported();
    let config = home.path().join("config.ron");
    std::fs::write(&config, "(region: Some(\"eu-central-1\"))").expect("write");
    let configured = |mut cmd: Command| {
        cmd.env("COMPUTEPICK_CONFIG", &config);
        cmd
    };
    let text = flat(&stdout(
        configured(in_home(home.path())).arg("cost").args(size()),
    ));
    assert!(
        text.contains("Prices: eu-central-1, as of 2026-11-28."),
        "{text}"
    );
    let text = flat(&stdout(&mut configured(cost_in(home.path(), "us-east-1"))));
    assert!(
        text.contains("Prices: us-east-1, as of 2026-11-23."),
        "{text}"
    );
}

#[test]
fn prices_older_than_180_days_are_stale_everywhere_they_are_shown() {
    let home = imported();
    let later = |mut cmd: Command| {
        cmd.env("COMPUTEPICK_TODAY", "2027-06-01");
        cmd
    };
    // 2026-11-28 + 180 days is 2027-05-27: stale on 2027-06-01 (185 days), not on 2026-12-02.
    let text = flat(&stdout(&mut later(cost_in(home.path(), "eu-central-1"))));
    assert!(
        text.contains("Stale prices: as of 2026-11-28, 185 days old (over 180)"),
        "{text}"
    );
    assert!(text.contains("computepick prices import FILE..."), "{text}");
    assert!(
        text.contains("prices as of 2026-11-28 (STALE: 185 days old)"),
        "{text}"
    );

    let json = stdout(later(cost_in(home.path(), "eu-central-1")).args(["--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(json["stale"], true);

    // The decision record.
    let adr = stdout(
        later(in_home(home.path()))
            .args([
                "recommend",
                "--region",
                "eu-central-1",
                "--format",
                "adr",
                "-o",
                "-",
            ])
            .args(answer_args(THUMBNAILS))
            .args(size()),
    );
    assert!(
        adr.contains("eu-central-1 prices as of 2026-11-28"),
        "{adr}"
    );
    assert!(
        adr.contains("> **Note:** Stale prices: as of 2026-11-28, 185 days old"),
        "{adr}"
    );
    assert!(adr.contains("<https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/eu-central-1/index.json>"), "{adr}");

    // check: a warning, exit 0, for the built-in prices and the installed Region.
    let out = later(in_home(home.path()))
        .arg("check")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("decisions.ron: warning: prices are stale: the oldest is as of 2026-11-23"),
        "{err}"
    );
    assert!(
        err.contains("eu-central-1.json: warning: prices for eu-central-1 are stale"),
        "{err}"
    );
    // Today they are fresh: no warning.
    let out = in_home(home.path()).arg("check").output().expect("runs");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("stale"));
}

#[test]
fn check_refuses_a_matcher_that_cannot_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.ron");
    let text = data::EMBEDDED
        .replacen(
            "offer: \"AWSLambda\", usagetype: \"Request\"",
            "offer: \"\", usagetype: \"Request\"",
            1,
        )
        .replacen(
            "aws: Some((offer: \"AmazonEKS\", usagetype: \"AmazonEKS-Hours:perCluster\"))",
            "aws: Some((offer: \"AmazonEKS\", scale: -1.0))",
            1,
        );
    std::fs::write(&path, text).expect("write");
    let err = failure(in_home(dir.path()).arg("check").arg(&path), 2);
    assert!(
        err.contains("price \"lambda.requests\": aws: offer is empty"),
        "{err}"
    );
    assert!(
        err.contains("price \"eks.cluster.standard\": aws: give attributes or a usagetype"),
        "{err}"
    );
    assert!(
        err.contains("aws: scale -1 must be a positive number"),
        "{err}"
    );
}

#[test]
fn the_cost_tab_switches_to_an_installed_region() {
    let home = imported();
    let dir = home.path().join("computepick/prices");
    let guide = guide();
    let mut app = App::new(guide.clone());
    app.regions = RegionChoice::new(&guide, Some(dir), None);
    app.update(Action::Tab(4));
    assert_eq!(app.tab, Tab::Cost);
    let fargate = |app: &App| app_total(app, "fargate").expect("priced");
    // The form's default workload is behind a load balancer: one task with its public IPv4,
    // an ALB all month, its LCUs (10M requests ÷ 3,600 s ÷ 25 new connections a second per LCU
    // = 111.1 LCU-hours) and the ALB's two public IPv4 addresses.
    let lcu_hours = 10e6 / 3600.0 / 25.0;
    let virginia = 730.0 * (0.25 * 0.04048 + 0.5 * 0.004445)
        + IPV4_MONTH
        + 730.0 * 0.0225
        + lcu_hours * 0.008
        + 2.0 * IPV4_MONTH;
    let frankfurt = 730.0 * (0.25 * 0.04656 + 0.5 * 0.00511)
        + IPV4_MONTH
        + 730.0 * 0.027
        + lcu_hours * 0.0096
        + 2.0 * IPV4_MONTH;
    assert!(close(fargate(&app), virginia), "{}", fargate(&app));
    app.cost.focus = FormRow::all()
        .position(|r| r == FormRow::Region)
        .expect("a row");
    app.update(Action::Type(' '));
    assert_eq!(app.guide.meta.region, "eu-central-1");
    assert_eq!(app.cost.model.region(), "eu-central-1");
    assert!(close(fargate(&app), frankfurt), "{}", fargate(&app));
    // And back to the built-in prices.
    app.update(Action::Type(' '));
    assert_eq!(app.cost.model.region(), "us-east-1");
    assert!(close(fargate(&app), virginia));
    // Without installed Regions, the row says how to get one.
    let mut bare = App::new(guide);
    bare.update(Action::Tab(4));
    bare.cost.focus = app.cost.focus;
    bare.update(Action::Type(' '));
    assert!(
        bare.status
            .as_deref()
            .is_some_and(|s| s.contains("computepick prices import"))
    );
}

#[test]
fn the_staleness_clock_is_a_date_passed_in() {
    let guide = guide();
    let day = |d: &str| data::parse_ymd(d).expect("date");
    assert_eq!(prices::notes(&guide, Some(day("2026-12-02"))).stale, None);
    assert_eq!(prices::notes(&guide, None).stale, None);
    let late = prices::notes(&guide, Some(day("2027-06-01")));
    assert_eq!(late.stale_days, Some(190));
}

#[test]
fn a_config_region_that_cannot_be_used_is_a_warning() {
    // As any unusable config setting is (a bad --region flag is an error): the built-in prices.
    let home = tempfile::tempdir().expect("tempdir");
    let config = home.path().join("config.ron");
    for (region, problem) in [
        ("eu-centrl-1", "did you mean \"eu-central-1\"?"),
        ("eu-west-1", "has no prices installed"),
    ] {
        std::fs::write(&config, format!("(region: Some(\"{region}\"))")).expect("write");
        let mut cmd = in_home(home.path());
        cmd.env("COMPUTEPICK_CONFIG", &config);
        let out = cmd.arg("cost").args(size()).output().expect("runs");
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("warning: region") && err.contains(problem),
            "{err}"
        );
        assert!(err.contains("using the built-in prices"), "{err}");
        let text = flat(&String::from_utf8_lossy(&out.stdout));
        assert!(
            text.contains("Prices: us-east-1, as of 2026-11-23."),
            "{text}"
        );
    }
}

#[test]
fn an_offer_file_in_another_key_order_reads_the_same() {
    // JSON does not promise an order: terms before products, the date last.
    let text = std::fs::read_to_string(fixture("AWSLambda-offer-eu-central-1.json")).expect("read");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    let part = |key: &str| serde_json::to_string(&doc[key]).expect("json");
    let reordered = format!(
        "{{\"terms\": {}, \"products\": {}, \"offerCode\": {}, \"publicationDate\": {}}}",
        part("terms"),
        part("products"),
        part("offerCode"),
        part("publicationDate")
    );
    let guide = guide();
    let matchers = Matchers::new(&guide.prices);
    let parsed =
        offer::read(reordered.as_bytes(), 0, &matchers, None, &mut |_, _| {}).expect("reads");
    assert_eq!(
        amounts(&parsed),
        amounts(&read("AWSLambda-offer-eu-central-1.json"))
    );
    assert_eq!(parsed.as_of, "2026-11-28");
    assert!(parsed.found.iter().all(|f| f.as_of == "2026-11-28"));
}

/// A FIFO is refused before it is opened: as a file to import, and as an installed Region's
/// price file (`cost --region`, the listing), so nothing waits forever for a writer.
#[cfg(unix)]
#[test]
fn a_fifo_is_never_read_as_a_price_file() {
    let home = tempfile::tempdir().expect("tempdir");
    let fifo = home.path().join("offer.json");
    mkfifo(&fifo);
    let guard = std::time::Duration::from_secs(60);
    let out = in_home(home.path())
        .args(["prices", "import"])
        .arg(&fifo)
        .timeout(guard)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a FIFO"), "{err}");
    // An installed Region whose file is a FIFO.
    let dir = home.path().join("computepick/prices");
    std::fs::create_dir_all(&dir).expect("dir");
    mkfifo(&dir.join("eu-west-2.json"));
    let out = cost_in(home.path(), "eu-west-2")
        .timeout(guard)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a FIFO"),
        "{out:?}"
    );
    let out = in_home(home.path())
        .arg("prices")
        .timeout(guard)
        .output()
        .expect("runs");
    assert!(out.status.code().is_some(), "{out:?}");
}

/// The progress bar writes the file's name to the terminal: control characters in it are made
/// visible like every other message, never sent as escape sequences.
#[test]
fn the_progress_bar_never_sends_a_file_names_escape_sequences() {
    let shown = computepick::text::safe("x\u{1b}]0;PWN\u{7}.json");
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown}"
    );
    let source = include_str!("../../src/cli/prices.rs");
    let bar = source.split("fn import_file(").nth(1).expect("import_file");
    assert!(
        bar.contains("crate::text::safe(&path.file_name()"),
        "the bar's name goes through text::safe"
    );
}
