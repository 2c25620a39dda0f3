//! The read-only JSON API under `/api/`, described by `assets/openapi.json`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use corroborate_store::{Mark, RemovedPassage, SearchQuery, SearchResults, StorySummary};
use serde::Serialize;

use crate::error::{Failure, Flavor, ServerError};
use crate::pages::{self, Cached};
use crate::params::{self, ArticleParams, LimitParams, SearchParams};
use crate::state::AppState;

/// The OpenAPI 3.1 document of this API.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Stories one request returns unless `limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;

/// `GET /api/stories`.
#[derive(Serialize)]
pub struct StoryList {
    pub stories: Vec<StorySummary>,
    pub total: usize,
}

/// `GET /api/articles/{id}`.
#[derive(Serialize)]
pub struct ArticleJson {
    pub id: String,
    pub input: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub story: Option<i64>,
    pub text: String,
    pub marks: Vec<Mark>,
    pub removed: Vec<RemovedPassage>,
}

/// `GET /api/search`.
#[derive(Serialize)]
pub struct SearchJson {
    pub query: String,
    #[serde(flatten)]
    pub results: SearchResults,
}

pub async fn stories(
    State(state): State<AppState>,
    found: Result<Query<LimitParams>, QueryRejection>,
) -> Result<Json<StoryList>, Failure> {
    let params = params::query(found, Flavor::Api)?;
    let (limit, offset) =
        params::limit_offset(params.limit, params.offset, DEFAULT_LIMIT).map_err(Failure::api)?;
    state
        .read(move |store| {
            Ok(StoryList {
                stories: store.stories(limit, offset)?,
                total: store.story_count()?,
            })
        })
        .await
        .map(Json)
        .map_err(Failure::api)
}

/// The brief exactly as stored (what `corroborate brief --format json` prints). A large
/// brief (megabytes for hundreds of sources) is sent from the story cache while the stored
/// story keeps its revision, as the story page is, rather than read again.
pub async fn story(
    State(state): State<AppState>,
    found: Result<Path<String>, PathRejection>,
) -> Result<Response, Failure> {
    let id = params::path(found, Flavor::Api, |id| ServerError::StoryNotFound { id })?;
    let cache = state.stories();
    let brief: Bytes = state
        .read(move |store| {
            Ok(match pages::cached_or_record(store, &cache, &id)? {
                Cached::Story(story) => story.json.clone(),
                Cached::Record(record) if cache.keeps(record.brief_json.len()) => {
                    pages::parse_and_keep(store, &cache, record)?.json.clone()
                }
                Cached::Record(record) => Bytes::from(record.brief_json),
            })
        })
        .await
        .map_err(Failure::api)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], brief).into_response())
}

pub async fn article(
    State(state): State<AppState>,
    found: Result<Path<String>, PathRejection>,
) -> Result<Json<ArticleJson>, Failure> {
    let id = params::path(found, Flavor::Api, |id| ServerError::ArticleNotFound { id })?;
    article_json(state, id).await
}

/// `/api/articles?id=ID`, the query form for any id.
pub async fn article_by_query(
    State(state): State<AppState>,
    found: Result<Query<ArticleParams>, QueryRejection>,
) -> Result<Json<ArticleJson>, Failure> {
    let params = params::query(found, Flavor::Api)?;
    let id = params.id.ok_or_else(|| {
        Failure::api(ServerError::BadParameter {
            name: "id",
            reason: "missing".into(),
        })
    })?;
    article_json(state, id).await
}

async fn article_json(state: AppState, id: String) -> Result<Json<ArticleJson>, Failure> {
    state
        .read(move |store| {
            let record = store
                .article(&id)?
                .ok_or_else(|| ServerError::ArticleNotFound { id: id.clone() })?;
            let article = record.article;
            Ok(ArticleJson {
                id: article.id,
                input: article.input,
                title: article.title,
                outlet: article.outlet,
                published: article.published.map(|date| date.to_string()),
                story: article.story,
                text: article.text,
                marks: record.view.marks,
                removed: record.view.removed,
            })
        })
        .await
        .map(Json)
        .map_err(Failure::api)
}

pub async fn search(
    State(state): State<AppState>,
    found: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchJson>, Failure> {
    let params = params::query(found, Flavor::Api)?;
    let (limit, offset) =
        params::limit_offset(params.limit, params.offset, DEFAULT_LIMIT).map_err(Failure::api)?;
    let query = params.q.unwrap_or_default();
    state
        .read(move |store| {
            let results = store.search(&SearchQuery::parse(&query), limit, offset)?;
            Ok(SearchJson { query, results })
        })
        .await
        .map(Json)
        .map_err(Failure::api)
}

pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
