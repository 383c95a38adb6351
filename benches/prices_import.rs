//! `computepick prices import` on an EC2 offer file of realistic size: generates one (at least
//! 300 MB, laid out as AWS's Bulk API offer files are: `products` by SKU with some forty
//! attributes each, then `terms` with an On-Demand and six Reserved terms per product), imports
//! it with the release binary, and prints the throughput (MB/s) and the peak memory of the
//! import process against the targets. Exits 1 when a target is missed.
//!
//! `cargo bench --bench prices_import` (the file is written to the system's temp folder and
//! removed afterwards); `-- --quick` uses a 40 MB file (a smoke run; the verdicts are on the
//! full size only). `-- --keep` keeps the file.
//!
//! Targets (issue 19): at least 100 MB/s, so a 300 MB file is read in 3 s ("seconds, not
//! minutes"), and peak memory under 30 MB whatever the file's size ("tens of MB").

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_computepick");
const CHILD_RUSAGE: &str = "--child-rusage";
const TARGET_MB_PER_S: f64 = 100.0;
const TARGET_PEAK_MB: f64 = 30.0;
const FULL_BYTES: u64 = 320_000_000;
const QUICK_BYTES: u64 = 40_000_000;
const RUNS: usize = 3;

/// The guide's EC2 types: each appears once as the product the import must find.
const GUIDE_TYPES: &[&str] = &[
    "t3.micro",
    "t3.small",
    "t3.medium",
    "t3.large",
    "t3.xlarge",
    "t3.2xlarge",
    "t4g.micro",
    "t4g.small",
    "t4g.medium",
    "t4g.large",
    "t4g.xlarge",
    "t4g.2xlarge",
    "m5.large",
    "m5.xlarge",
    "m5.2xlarge",
    "m5.4xlarge",
    "m5.8xlarge",
    "m5.12xlarge",
    "m5.16xlarge",
    "m5.24xlarge",
    "m7g.large",
    "m7g.xlarge",
    "m7g.2xlarge",
    "m7g.4xlarge",
    "m7g.8xlarge",
    "m7g.12xlarge",
    "m7g.16xlarge",
    "c5.large",
    "c5.xlarge",
    "c5.2xlarge",
    "c5.4xlarge",
    "c7g.large",
    "c7g.xlarge",
    "c7g.2xlarge",
    "c7g.4xlarge",
    "r5.large",
    "r5.xlarge",
    "r5.2xlarge",
    "r5.4xlarge",
    "r5.8xlarge",
    "r5.16xlarge",
    "r7g.large",
    "r7g.xlarge",
    "r7g.2xlarge",
    "r7g.4xlarge",
    "r7g.8xlarge",
    "r7g.16xlarge",
    "g4dn.xlarge",
];
const FAMILIES: &[&str] = &[
    "m6i", "m6a", "m7i", "m7a", "c6i", "c6a", "c7i", "r6i", "r6a", "x2iedn", "i4i", "z1d", "p5",
    "g5", "inf2", "trn1", "hpc7g", "d3", "h1", "u-6tb1",
];
const SIZES: &[&str] = &[
    "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge",
    "32xlarge", "48xlarge", "metal",
];
/// (operatingSystem, operation, preInstalledSw): every one but the first is a look-alike.
const PLATFORMS: &[(&str, &str, &str)] = &[
    ("Linux", "RunInstances", "NA"),
    ("Windows", "RunInstances:0002", "NA"),
    ("RHEL", "RunInstances:0010", "NA"),
    ("SUSE", "RunInstances:000g", "NA"),
    ("Ubuntu Pro", "RunInstances:0g00", "NA"),
    ("Windows", "RunInstances:0102", "SQL Ent"),
    ("Linux", "RunInstances:0004", "SQL Std"),
    (
        "Red Hat Enterprise Linux with HA",
        "RunInstances:1010",
        "NA",
    ),
];
const TENANCIES: &[(&str, &str)] = &[
    ("Shared", "BoxUsage"),
    ("Dedicated", "DedicatedUsage"),
    ("Host", "HostBoxUsage"),
];
const CAPACITY: &[&str] = &[
    "Used",
    "UnusedCapacityReservation",
    "AllocatedCapacityReservation",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == CHILD_RUSAGE) {
        child_rusage(args.get(at + 1..).unwrap_or_default());
    }
    let quick = args.iter().any(|a| a == "--quick");
    let keep = args.iter().any(|a| a == "--keep");
    let Ok(work) = tempfile::tempdir() else {
        eprintln!("cannot create a temporary folder");
        std::process::exit(2);
    };
    let file = work.path().join("AmazonEC2-eu-central-1-index.json");
    let started = Instant::now();
    let (bytes, products) = match generate(&file, if quick { QUICK_BYTES } else { FULL_BYTES }) {
        Ok(done) => done,
        Err(e) => {
            eprintln!("cannot write {}: {e}", file.display());
            std::process::exit(2);
        }
    };
    let mb = bytes as f64 / 1e6;
    println!(
        "\ncomputepick prices import bench: {} cores, load average {}\ngenerated {} ({mb:.0} MB, \
         {products} products) in {:.1} s",
        std::thread::available_parallelism().map_or(0, usize::from),
        load_average(),
        file.display(),
        started.elapsed().as_secs_f64()
    );

    let data_home = work.path().join("data");
    let env = [
        ("PATH", std::env::var_os("PATH").unwrap_or_default()),
        ("HOME", work.path().as_os_str().to_owned()),
        ("XDG_DATA_HOME", data_home.as_os_str().to_owned()),
        ("COMPUTEPICK_CONFIG", "".into()),
    ];
    let import = |helper: bool| -> (f64, u64, bool) {
        let mut cmd = if helper {
            let mut c = Command::new(std::env::current_exe().unwrap_or_default());
            c.arg(CHILD_RUSAGE).arg(BIN);
            c
        } else {
            Command::new(BIN)
        };
        cmd.args(["prices", "import"])
            .arg(&file)
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stderr(Stdio::inherit());
        let started = Instant::now();
        let out = cmd.output();
        let secs = started.elapsed().as_secs_f64();
        match out {
            Ok(o) => {
                let text = String::from_utf8_lossy(&o.stdout).into_owned();
                let rss = if helper {
                    text.trim().parse().unwrap_or(0)
                } else {
                    0
                };
                let ok = o.status.success() && (helper || text.contains("48 prices"));
                if !ok {
                    eprintln!("import failed: {text}");
                }
                (secs, rss, ok)
            }
            Err(e) => {
                eprintln!("cannot run {BIN}: {e}");
                (secs, 0, false)
            }
        }
    };
    let mut times = Vec::new();
    let mut ok = true;
    for _ in 0..RUNS {
        let (secs, _, fine) = import(false);
        ok &= fine;
        times.push(secs);
    }
    let (_, rss_kb, fine) = import(true);
    ok &= fine;
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let rate = mb / median;
    let peak_mb = rss_kb as f64 * 1024.0 / 1e6;
    println!(
        "\n| measure | value |\n|---|---:|\n| file | {mb:.0} MB, {products} products |\n| import, \
         whole process (median of {RUNS}) | {median:.2} s (best {:.2} s) |\n| throughput | {rate:.0} \
         MB/s |\n| peak memory (max RSS) | {peak_mb:.1} MB |",
        times[0]
    );
    println!("\nload average {} at the end\n", load_average());
    if keep {
        let kept = std::env::temp_dir().join("computepick-bench-AmazonEC2-index.json");
        if std::fs::rename(&file, &kept).is_ok() {
            println!("kept {}", kept.display());
        }
    }
    let verdicts = [
        (
            "import throughput",
            format!("{rate:.0} MB/s ({mb:.0} MB in {median:.2} s)"),
            format!(">= {TARGET_MB_PER_S:.0} MB/s"),
            ok && rate >= TARGET_MB_PER_S,
        ),
        (
            "import peak memory",
            format!("{peak_mb:.1} MB"),
            format!("< {TARGET_PEAK_MB:.0} MB"),
            ok && rss_kb > 0 && peak_mb < TARGET_PEAK_MB,
        ),
    ];
    let mut failed = !ok;
    for (what, measured, target, pass) in verdicts {
        let verdict = match (quick, pass) {
            (true, _) => "(quick run, no verdict)",
            (false, true) => "PASS",
            (false, false) => "FAIL",
        };
        failed |= !quick && !pass;
        println!("{verdict} {what}: {measured} (target {target})");
    }
    if failed {
        std::process::exit(1);
    }
}

/// The file being written, and how much is written.
struct Out {
    w: BufWriter<std::fs::File>,
    written: u64,
    /// (SKU, On-Demand price) of every product written.
    skus: Vec<(String, f64)>,
}

impl Out {
    fn put(&mut self, s: &str) -> std::io::Result<()> {
        self.written += s.len() as u64;
        self.w.write_all(s.as_bytes())
    }

    /// One EC2 product, with the attributes AWS's files give every instance product.
    fn product(
        &mut self,
        itype: &str,
        (os, operation, sw): (&str, &str, &str),
        tenancy: (&str, &str),
        capacity: &str,
        price: f64,
    ) -> std::io::Result<()> {
        let n = self.skus.len() as u64;
        let sku = format!("{:016X}", 0x9E37_79B9_7F4A_7C15u64.wrapping_mul(n + 1));
        let usage = if capacity == "Used" {
            format!("EUC1-{}:{itype}", tenancy.1)
        } else {
            format!("EUC1-UnusedBox:{itype}")
        };
        let text = format!(
            "{}    \"{sku}\" : {{\n      \"sku\" : \"{sku}\",\n      \"productFamily\" : \"Compute \
             Instance\",\n      \"attributes\" : {{\n        \"servicecode\" : \"AmazonEC2\",\n        \
             \"location\" : \"EU (Frankfurt)\",\n        \"locationType\" : \"AWS Region\",\n        \
             \"instanceType\" : \"{itype}\",\n        \"currentGeneration\" : \"Yes\",\n        \
             \"instanceFamily\" : \"General purpose\",\n        \"vcpu\" : \"2\",\n        \
             \"physicalProcessor\" : \"Intel Xeon Platinum 8175 (Skylake)\",\n        \
             \"clockSpeed\" : \"3.1 GHz\",\n        \"memory\" : \"8 GiB\",\n        \"storage\" : \
             \"EBS only\",\n        \"networkPerformance\" : \"Up to 10 Gigabit\",\n        \
             \"processorArchitecture\" : \"64-bit\",\n        \"tenancy\" : \"{}\",\n        \
             \"operatingSystem\" : \"{os}\",\n        \"licenseModel\" : \"No License required\",\n        \
             \"usagetype\" : \"{usage}\",\n        \"operation\" : \"{operation}\",\n        \
             \"availabilityzone\" : \"NA\",\n        \"capacitystatus\" : \"{capacity}\",\n        \
             \"classicnetworkingsupport\" : \"false\",\n        \"dedicatedEbsThroughput\" : \"Up \
             to 4750 Mbps\",\n        \"ecu\" : \"10\",\n        \"enhancedNetworkingSupported\" : \
             \"Yes\",\n        \"gpuMemory\" : \"NA\",\n        \"intelAvxAvailable\" : \"Yes\",\n        \
             \"intelAvx2Available\" : \"Yes\",\n        \"intelTurboAvailable\" : \"Yes\",\n        \
             \"marketoption\" : \"OnDemand\",\n        \"normalizationSizeFactor\" : \"4\",\n        \
             \"preInstalledSw\" : \"{sw}\",\n        \"processorFeatures\" : \"Intel AVX; Intel \
             AVX2; Intel AVX512; Intel Turbo\",\n        \"regionCode\" : \"eu-central-1\",\n        \
             \"servicename\" : \"Amazon Elastic Compute Cloud\",\n        \"vpcnetworkingsupport\" \
             : \"true\"\n      }}\n    }}",
            if n == 0 { "" } else { ",\n" },
            tenancy.0,
        );
        self.put(&text)?;
        self.skus.push((sku, price));
        Ok(())
    }
}

/// Writes an offer file of at least `target` bytes; returns its size and product count.
fn generate(path: &Path, target: u64) -> std::io::Result<(u64, u64)> {
    let mut out = Out {
        w: BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?),
        written: 0,
        skus: Vec::new(),
    };
    out.put(
        "{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"This pricing list is for \
         informational purposes only.\",\n  \"offerCode\" : \"AmazonEC2\",\n  \"version\" : \
         \"20261128001253\",\n  \"publicationDate\" : \"2026-11-28T00:12:53Z\",\n  \"products\" \
         : {\n",
    )?;
    // Products take about 38% of a real EC2 file, the terms the rest; so the products part
    // stops at 38% of the target.
    let products_end = target * 38 / 100;
    for (i, itype) in GUIDE_TYPES.iter().enumerate() {
        out.product(
            itype,
            PLATFORMS[0],
            TENANCIES[0],
            CAPACITY[0],
            0.01 * (i + 1) as f64,
        )?;
    }
    'outer: for family in FAMILIES.iter().cycle() {
        for size in SIZES {
            let itype = format!("{family}.{size}");
            for platform in PLATFORMS {
                for tenancy in TENANCIES {
                    for capacity in CAPACITY {
                        if out.written >= products_end {
                            break 'outer;
                        }
                        out.product(&itype, *platform, *tenancy, capacity, 0.5)?;
                    }
                }
            }
        }
        // Guide types under other platforms: look-alikes the matcher must pass over.
        for itype in GUIDE_TYPES {
            if out.written >= products_end {
                break 'outer;
            }
            out.product(itype, PLATFORMS[1], TENANCIES[1], CAPACITY[1], 0.9)?;
        }
    }
    out.put("\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n")?;
    let skus = std::mem::take(&mut out.skus);
    for (i, (sku, price)) in skus.iter().enumerate() {
        let text = format!(
            "{}      \"{sku}\" : {{\n        \"{sku}.JRTCKXETXF\" : {{\n          \"offerTermCode\" : \
             \"JRTCKXETXF\",\n          \"sku\" : \"{sku}\",\n          \"effectiveDate\" : \
             \"2026-11-01T00:00:00Z\",\n          \"priceDimensions\" : {{\n            \
             \"{sku}.JRTCKXETXF.6YS6EN2CT7\" : {{\n              \"unit\" : \"Hrs\",\n              \
             \"endRange\" : \"Inf\",\n              \"description\" : \"${price:.4} per On Demand \
             Linux Instance Hour\",\n              \"appliesTo\" : [ ],\n              \"rateCode\" \
             : \"{sku}.JRTCKXETXF.6YS6EN2CT7\",\n              \"beginRange\" : \"0\",\n              \
             \"pricePerUnit\" : {{\n                \"USD\" : \"{price:.10}\"\n              }}\n            \
             }}\n          }},\n          \"termAttributes\" : {{ }}\n        }}\n      }}",
            if i == 0 { "" } else { ",\n" },
        );
        out.put(&text)?;
    }
    out.put("\n    },\n    \"Reserved\" : {\n")?;
    let terms = [
        ("4NA7Y494T4", "1yr", "No Upfront"),
        ("HU7G6KETJZ", "1yr", "Partial Upfront"),
        ("6QCMYABX3D", "1yr", "All Upfront"),
        ("BPH4J8HBKS", "3yr", "No Upfront"),
        ("38NPMPTW36", "3yr", "Partial Upfront"),
        ("NQ3QZPMQV9", "3yr", "All Upfront"),
    ];
    // Six Reserved terms per product, repeated (with distinct keys) until the file is full size.
    let mut i = 0usize;
    'reserved: loop {
        for (sku, price) in &skus {
            if out.written >= target {
                break 'reserved;
            }
            let mut text = format!(
                "{}      \"{sku}#{i}\" : {{\n",
                if i == 0 { "" } else { ",\n" }
            );
            for (j, (code, length, option)) in terms.iter().enumerate() {
                text.push_str(&format!(
                    "{}        \"{sku}.{code}\" : {{\n          \"offerTermCode\" : \"{code}\",\n          \
                     \"sku\" : \"{sku}\",\n          \"effectiveDate\" : \"2026-11-01T00:00:00Z\",\n          \
                     \"priceDimensions\" : {{\n            \"{sku}.{code}.6YS6EN2CT7\" : {{\n              \
                     \"unit\" : \"Hrs\",\n              \"endRange\" : \"Inf\",\n              \
                     \"description\" : \"Linux/UNIX (Amazon VPC), {length} {option}\",\n              \
                     \"appliesTo\" : [ ],\n              \"rateCode\" : \"{sku}.{code}.6YS6EN2CT7\",\n              \
                     \"beginRange\" : \"0\",\n              \"pricePerUnit\" : {{\n                \
                     \"USD\" : \"{:.10}\"\n              }}\n            }}\n          }},\n          \
                     \"termAttributes\" : {{\n            \"LeaseContractLength\" : \"{length}\",\n            \
                     \"OfferingClass\" : \"standard\",\n            \"PurchaseOption\" : \"{option}\"\n          \
                     }}\n        }}",
                    if j == 0 { "" } else { ",\n" },
                    price * 0.6,
                ));
            }
            text.push_str("\n      }");
            out.put(&text)?;
            i += 1;
        }
    }
    out.put("\n    }\n  }\n}\n")?;
    out.w.flush()?;
    Ok((out.written, skus.len() as u64))
}

/// The helper: runs the command with its output discarded, waits, and prints the peak RSS of
/// its children in KiB. A fresh small process, so the figure is the import's alone (a child's
/// `ru_maxrss` also counts the address space it was spawned from; see benches/app.rs).
fn child_rusage(command: &[String]) -> ! {
    let Some((program, args)) = command.split_first() else {
        std::process::exit(2);
    };
    let ran = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    println!("{}", max_rss_kb());
    std::process::exit(i32::from(!ran.is_ok_and(|s| s.success())));
}

#[cfg(unix)]
fn max_rss_kb() -> u64 {
    use nix::sys::resource::{UsageWho, getrusage};
    getrusage(UsageWho::RUSAGE_CHILDREN)
        .map(|u| u64::try_from(u.max_rss()).unwrap_or(0))
        .unwrap_or(0)
}

#[cfg(not(unix))]
fn max_rss_kb() -> u64 {
    0
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".into())
}
