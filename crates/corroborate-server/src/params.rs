//! What a request asks for: query and path parameters, read into our own errors so every
//! bad parameter gets the same 400 (or 404) response in the route's flavour.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use serde::Deserialize;

use crate::error::{Failure, Flavor, ServerError};

/// The most results one API request returns.
pub const MAX_LIMIT: usize = 500;

/// `?page=N` of a paginated page (1-based).
#[derive(Debug, Default, Deserialize)]
pub struct PageParams {
    pub page: Option<usize>,
}

/// `?limit=&offset=` of a paginated API route.
#[derive(Debug, Default, Deserialize)]
pub struct LimitParams {
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

/// `?q=` with paging, for search.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    pub q: Option<String>,
    pub page: Option<usize>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

/// `?from=&to=` (a cited input span) and, for the query form of the route, `?id=`.
#[derive(Debug, Default, Deserialize)]
pub struct ArticleParams {
    pub id: Option<String>,
    pub from: Option<usize>,
    pub to: Option<usize>,
}

/// The query parameters, or a 400 naming what was wrong.
pub fn query<T>(found: Result<Query<T>, QueryRejection>, flavor: Flavor) -> Result<T, Failure> {
    found
        .map(|Query(params)| params)
        .map_err(|rejection| Failure {
            error: ServerError::BadParameter {
                name: "query",
                reason: rejection.body_text(),
            },
            flavor,
        })
}

/// The path parameter; one that cannot be decoded names nothing here, so it is a 404.
pub fn path(
    found: Result<Path<String>, PathRejection>,
    flavor: Flavor,
    not_found: impl FnOnce(String) -> ServerError,
) -> Result<String, Failure> {
    found.map(|Path(id)| id).map_err(|rejection| Failure {
        error: not_found(rejection.body_text()),
        flavor,
    })
}

/// `limit` and `offset` checked: `limit` defaults to `default` and may not exceed
/// [`MAX_LIMIT`] or be zero.
pub fn limit_offset(
    limit: Option<usize>,
    offset: Option<usize>,
    default: usize,
) -> Result<(usize, usize), ServerError> {
    let limit = limit.unwrap_or(default);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ServerError::BadParameter {
            name: "limit",
            reason: format!("{limit} is not between 1 and {MAX_LIMIT}"),
        });
    }
    Ok((limit, offset.unwrap_or(0)))
}

/// The offset of 1-based page `page` (0 and absent are the first page).
pub fn page_offset(page: Option<usize>, per_page: usize) -> (usize, usize) {
    let page = page.unwrap_or(1).max(1);
    (page, (page - 1).saturating_mul(per_page))
}
