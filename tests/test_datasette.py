"""The archive in datasette: the articles table's search box works (FTS5, accents folded)."""

from __future__ import annotations

import pytest
from datasette.app import Datasette


@pytest.mark.asyncio
async def test_search_box_finds_guaido(samples_db):
    ds = Datasette([str(samples_db)])
    db_name = samples_db.stem
    response = await ds.client.get(f"/{db_name}/articles.json?_search=Guaido&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) >= 4
    assert all("guaid" in row["text"].lower() for row in rows)
