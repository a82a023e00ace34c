//! `tenantcheck serve`: the local stand-in of the provisioning API (`api.md`, docs/stand-in.md). It serves
//! `index.html` with the form's configuration for an account, the browser host's files, and the API, validating
//! every request with the same core as the browser, with the partner's configuration from its own settings.
//!
//! Modules: [`settings`] (the partner configuration), [`page`] (the page template and its CSP), [`routes`] (the
//! router and files), [`api`] (the API handlers), [`seed`] (seed tenants and Partner Center's answers),
//! [`idempotency`], [`db`] (SQLite), [`faults`] (test hooks), [`problem`] (answers).

pub mod api;
pub mod db;
pub mod faults;
pub mod idempotency;
pub mod page;
pub mod problem;
pub mod routes;
pub mod seed;
pub mod settings;

use crate::cli::args::ServeArgs;
use crate::cli::{complain, EXIT_TROUBLE};
use std::io::Write as _;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use tenantcheck_core::Validator;

/// The one Partner Center instance the stand-in knows (`api.md`).
pub const SYSTEM_CODE: &str = "MicrosoftCloudServices";

/// Everything a request may use.
#[derive(Debug)]
pub struct App {
    pub settings: settings::Settings,
    pub validator: Validator,
    pub db: db::Db,
    pub page: page::Page,
    /// The CSRF token of this start: in the page's `<meta>`, required on every PUT.
    pub csrf: String,
    /// Where `index.html` and `web/` are.
    pub root: PathBuf,
    /// `Some` with `--test-hooks` only.
    pub faults: Option<faults::Faults>,
}

/// Runs the server until Ctrl-C or SIGTERM. Returns the exit status: 0 after a clean stop, 2 when it cannot start.
pub fn run(args: &ServeArgs) -> u8 {
    match start(args) {
        Ok(()) => 0,
        Err(msg) => {
            complain(format!("serve: {msg}"));
            EXIT_TROUBLE
        }
    }
}

fn start(args: &ServeArgs) -> Result<(), String> {
    let settings = match &args.settings {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            settings::Settings::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => settings::Settings::built_in(),
    };
    let index = args.root.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("{}: {e} (--root names the folder of index.html)", index.display()))?;
    let page = page::Page::parse(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let db = db::Db::open(&args.db)?;
    let app = Arc::new(App {
        settings,
        validator: Validator::new(),
        db,
        page,
        csrf: random_token()?,
        root: args.root.clone(),
        faults: args.test_hooks.then(faults::Faults::default),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{bound}/");
        let _ = out.flush();
        drop(out);
        if args.test_hooks {
            complain("serve: test hooks on (/__test/faults, /__test/accounts)");
        }
        axum::serve(listener, routes::router(app))
            .with_graceful_shutdown(stop_signal())
            .await
            .map_err(|e| format!("server error: {e}"))
    })
}

/// Ctrl-C or SIGTERM.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// 128 random bits in hex.
fn random_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness for the CSRF token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
