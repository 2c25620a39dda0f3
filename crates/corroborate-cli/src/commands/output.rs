//! Where command output goes (stdout or `--output FILE`) and how diagnostics are printed.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use corroborate::model::Diagnostic;

/// Writes `bytes` to the file, or to stdout when no file is given.
pub fn write_output(output: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
    }
}

/// Colour only for a terminal, and never when `NO_COLOR` is set.
pub fn use_color(output: Option<&Path>) -> bool {
    output.is_none() && std::env::var_os("NO_COLOR").is_none() && io::stdout().is_terminal()
}

/// One line on stderr per diagnostic.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut stderr = io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(stderr, "{diagnostic}");
    }
}

/// A progress bar on stderr (articles done of all, a rate and the time left), shown only
/// when stderr is a terminal; otherwise every call does nothing.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    pub fn on_terminal() -> Progress {
        Progress(io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} articles, {per_sec}, {eta} left",
                )
                .expect("the template is valid"),
            );
            bar
        }))
    }

    pub fn update(&self, done: usize, total: usize) {
        if let Some(bar) = &self.0 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    /// Clears the bar so the command's own output follows on a clean line.
    pub fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}
