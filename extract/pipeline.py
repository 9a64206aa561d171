"""One Document in, one Extraction out: the order in which the extractors run.

Metadata first (its date and province are context for citations, deadlines and units),
then citations, indices and PAPI areas, then tasks.
"""

from __future__ import annotations

from vanban.extract.citations import find_citations
from vanban.extract.indices import find_indices, find_papi_areas
from vanban.extract.metadata import extract_meta
from vanban.extract.tasks import find_tasks
from vanban.schema.models import Document, Extraction


def extract_document(doc: Document) -> Extraction:
    """Run every extractor over one ingested document."""
    meta = extract_meta(doc.text, title_hint=doc.title_hint, date_hint=doc.date_hint, site_hint=doc.site_hint)
    citations = find_citations(doc.text, doc_date=meta.issue_date, own_number=meta.number)
    indices = find_indices(doc.text)
    named = find_papi_areas(doc.text)  # read once: tables whose rows name no area need it too
    tasks = find_tasks(doc, meta, named)
    if "PAPI" in indices:
        areas = sorted(set(named) | {t.dimension for t in tasks if t.dimension})
    else:
        # a PAR INDEX, SIPAS or PCI plan has no PAPI areas: its "Cải cách thủ tục hành chính"
        # group or "công khai, minh bạch" wording is its own field, not PAPI's area 5 or 2
        areas = []
        for t in tasks:
            t.dimension, t.dimension_rule = None, None
    return Extraction(
        source=doc.source,
        name=doc.name,
        sha256=doc.sha256,
        meta=meta,
        citations=citations,
        indices=indices,
        papi_dimensions=areas,
        tasks=tasks,
    )
