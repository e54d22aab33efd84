//! The route of one document through every stage.

use std::fmt;
use std::sync::Arc;

use detente_analyze::StandardAnalyzer;
use detente_code::EventCoder;
use detente_core::stage::{Analyzer, Coder, Extractor};
use detente_core::{Analysis, Document, DocumentError};
use detente_extract::Extract;
use detente_knowledge::Knowledge;

/// One instance of each stage, built once, shared by every thread.
///
/// Each stage is a trait object, so any of them can be replaced without
/// touching the others ([`Pipeline::with_extractor`], [`Pipeline::with_analyzer`],
/// [`Pipeline::with_coder`]).
pub struct Pipeline {
    extractor: Box<dyn Extractor>,
    analyzer: Box<dyn Analyzer>,
    coder: Box<dyn Coder>,
}

impl Pipeline {
    /// The default stages (the trained analyzer among them), coding with `knowledge`.
    pub fn new(knowledge: Arc<Knowledge>) -> Self {
        Pipeline::around(EventCoder::new(knowledge))
    }

    /// The default extractor and analyzer around `coder` (a coder built with
    /// other dictionaries, patterns or tone lexicon).
    pub fn around(coder: impl Coder + 'static) -> Self {
        Pipeline {
            extractor: Box::new(Extract::new()),
            analyzer: Box::new(standard_analyzer()),
            coder: Box::new(coder),
        }
    }

    pub fn with_extractor(mut self, extractor: impl Extractor + 'static) -> Self {
        self.extractor = Box::new(extractor);
        self
    }

    pub fn with_analyzer(mut self, analyzer: impl Analyzer + 'static) -> Self {
        self.analyzer = Box::new(analyzer);
        self
    }

    pub fn with_coder(mut self, coder: impl Coder + 'static) -> Self {
        self.coder = Box::new(coder);
        self
    }

    /// The analyze stage, for evaluations that start from text.
    pub fn analyzer(&self) -> &dyn Analyzer {
        self.analyzer.as_ref()
    }

    /// The code stage, for evaluations that start from analysed text.
    pub fn coder(&self) -> &dyn Coder {
        self.coder.as_ref()
    }

    /// Runs `doc` through extract, analyze and code.
    pub fn run(&self, doc: &Document) -> Result<Analysis, DocumentError> {
        let mut article = self.extractor.extract(doc)?;
        // A date the caller or container states wins over the page's own.
        if doc.date.is_some() {
            article.date = doc.date;
        }
        if article.body.trim().is_empty() {
            return Err(DocumentError::NoText("the page has no article body".into()));
        }
        let text = self.analyzer.analyze(&article);
        let coding = self.coder.code(&article, &text);
        Ok(Analysis {
            id: doc.id.clone(),
            path: doc.provenance.path.clone(),
            article,
            entities: coding.entities,
            events: coding.events,
            quotes: coding.quotes,
            tone: coding.tone.tone,
            tone_detail: coding.tone,
            graph: coding.graph,
        })
    }
}

/// The trained analyzer. Its models are compiled into the binary and
/// checked by the tests, so failing to load them means a damaged build.
fn standard_analyzer() -> StandardAnalyzer {
    StandardAnalyzer::new().expect("the models embedded in detente are damaged; rebuild it")
}

/// A document that could not be processed, with the input it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The input as a person can find it: path, path:line, URL or id.
    pub input: String,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.message)
    }
}

impl std::error::Error for Failure {}
