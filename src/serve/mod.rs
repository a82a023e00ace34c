//! `tenantcheck serve`: the local stand-in of the provisioning API (`api.md`, docs/stand-in.md). It serves
//! `index.html` with the form's configuration for an account, the browser host's files, and the API, validating
//! every request with the same core as the browser, with the partner's configuration from its own settings.
//!
//! Modules, each below the ones that use it: [`args`] (the flags), [`ids`] (the names in paths), [`settings`] (the
//! partner configuration), [`page`] (the page template and its CSP), [`problem`] (answers), [`db`] (SQLite),
//! [`seed`] (seed tenants and Partner Center's answers), [`idempotency`], [`faults`] (test hooks), [`app`] (the shared
//! state), [`guard`] (Host, Origin, CSRF), [`files`], [`api`] (the API handlers), [`routes`] (the router); this module
//! starts the server.

pub mod api;
pub mod app;
pub mod args;
pub mod db;
pub mod faults;
pub mod files;
pub mod guard;
pub mod idempotency;
pub mod ids;
pub mod page;
pub mod problem;
pub mod routes;
pub mod seed;
pub mod settings;

use crate::exit::{complain, EXIT_TROUBLE, EXIT_VALID};
use app::App;
use args::ServeArgs;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::io::Write as _;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tenantcheck_core::Validator;

/// How long a stop waits for the requests in flight.
const DRAIN: Duration = Duration::from_secs(5);

/// Runs the server until Ctrl-C or SIGTERM. Returns the exit status: 0 after a clean stop, 2 when it cannot start.
pub fn run(args: &ServeArgs) -> u8 {
    match start(args) {
        Ok(()) => EXIT_VALID,
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
    let more_hosts = args.origins.iter().map(|o| app::origin_host(o)).collect::<Result<Vec<_>, _>>()?;
    let index = args.root.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("{}: {e} (--root names the folder of index.html)", index.display()))?;
    let page = page::Page::parse(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let db = db::Db::open(&args.db, seed::tenants())?;
    let not_before = idempotency::not_before(idempotency::now_ms(), args.key_lifetime);
    let expired =
        db::purge_keys(&db.blocking_writer(), not_before).map_err(|e| format!("{}: {e}", args.db.display()))?;
    if expired > 0 {
        complain(format_args!("serve: {expired} expired idempotency keys deleted"));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(16)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        let app = Arc::new(App {
            settings,
            validator: Validator::new(),
            db,
            page,
            csrf: random_token()?,
            root: args.root.clone(),
            port: bound.port(),
            more_hosts,
            key_lifetime: args.key_lifetime,
            faults: args.test_hooks.then(faults::Faults::default),
        });
        let router = routes::router(app, Duration::from_secs(args.request_timeout));
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{bound}/");
        let _ = out.flush();
        drop(out);
        if args.test_hooks {
            complain("serve: test hooks on (/__test/faults, /__test/accounts)");
        }
        serve(listener, router, Duration::from_secs(args.header_timeout)).await;
        Ok(())
    })
}

/// Accepts connections until Ctrl-C or SIGTERM, then lets the requests in flight finish (at most [`DRAIN`]). HTTP/1.1
/// through hyper with a timer, so that a client that does not send its headers within `header_timeout` is cut off
/// (axum's own `serve` sets no such timeout).
async fn serve(listener: tokio::net::TcpListener, router: axum::Router, header_timeout: Duration) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let service = TowerToHyperService::new(router);
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
                    tokio::spawn(async move {
                        // A client that goes away, or is cut off, ends its connection; nothing to report.
                        let _ = conn.await;
                    });
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    complain(format_args!("serve: accept: {e}"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            () = &mut stop => break,
        }
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(DRAIN) => {},
    }
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
