//! `corroborate serve [--db FILE] [--addr ADDR]`: the web UI and read-only JSON API over a
//! store written by `corroborate ingest`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::thread;

use anyhow::{Context, bail};
use clap::Args;
use corroborate_server::{AppState, DEFAULT_ADDR, serve};

use crate::Outcome;

#[derive(Args)]
pub struct ServeArgs {
    /// The store to serve, as written by `corroborate ingest`.
    #[arg(long, value_name = "FILE", default_value = "corroborate.db")]
    pub db: PathBuf,
    /// The address to listen on. Loopback by default; another address makes the pages
    /// reachable from other machines (they have no password). Port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = DEFAULT_ADDR)]
    pub addr: SocketAddr,
}

pub fn run(args: ServeArgs) -> anyhow::Result<Outcome> {
    if !args.db.exists() {
        bail!(
            "{} does not exist: add articles first with `corroborate ingest PATH... --db {}`",
            args.db.display(),
            args.db.display()
        );
    }
    let cores = thread::available_parallelism().map_or(2, usize::from);
    let state = AppState::open(&args.db, cores * 2)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener
            .local_addr()
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        if !local.ip().is_loopback() {
            eprintln!(
                "warning: listening on {local}: other machines can read this store (there is no password)"
            );
        }
        println!("serving {} at http://{local}/", args.db.display());
        serve(listener, state, async {
            // Without a signal handler the server runs until killed, which is also fine.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
        .context("the server stopped")
    })?;
    Ok(Outcome {
        skipped_input: false,
    })
}
