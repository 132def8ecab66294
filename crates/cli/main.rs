//! The `errmap` command: parses arguments and hands them to the library.

mod app;

fn main() -> std::process::ExitCode {
    app::main()
}
