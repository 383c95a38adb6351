pub fn run(_g: crate::data::Guide) -> std::process::ExitCode { std::process::ExitCode::SUCCESS }
