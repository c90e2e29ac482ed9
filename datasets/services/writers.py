"""Writing a snapshot's two files, byte for byte the same every time, in constant memory.

JSONL: one canonical JSON object per line (audit.services.canonical_json: sorted keys, no
spaces, UTF-8), "\n"-terminated, hashed as it is written. Parquet: a fixed schema (below),
zstd, and row groups of exactly ROW_GROUP_ROWS rows (the last one shorter) whatever the
size of the batches handed in — rows are buffered as Arrow columns until a group is full,
and each group is written as one contiguous table, so the bytes depend on the rows only.
JSON-typed values with no fixed shape (input, slice, scores) are canonical JSON strings.

Both files are written to temporary names in the snapshot's folder and renamed into place
only by a successful `close()`; an error removes them. Memory holds one row group at most.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from audit.services import canonical_json

FILE_NAMES = {"jsonl": "snapshot.jsonl", "parquet": "snapshot.parquet"}
FORMATS = tuple(FILE_NAMES)

_TIME = pa.timestamp("us", tz="UTC")
VERDICT_TYPE = pa.struct(
    [
        ("reviewer", pa.string()),
        ("tier", pa.string()),
        ("verdict", pa.string()),
        ("label", pa.string()),
        ("rationale", pa.string()),
        ("reason_code", pa.string()),
        ("decided_at", _TIME),
        ("handling_seconds", pa.float64()),
    ]
)
MODEL_OUTPUT_TYPE = pa.struct(
    [
        ("label", pa.string()),
        ("confidence", pa.float64()),
        ("calibrated_confidence", pa.float64()),
        ("scores", pa.string()),  # canonical JSON {label: score}, or null
    ]
)
SCHEMA = pa.schema(
    [
        ("item_id", pa.int64()),
        ("external_id", pa.string()),
        ("input", pa.string()),  # canonical JSON
        ("input_is_raw", pa.bool_()),
        ("model_output", MODEL_OUTPUT_TYPE),
        ("model_version", pa.string()),
        ("policy_version", pa.int64()),
        ("route", pa.string()),
        ("tier", pa.string()),
        ("sample_reason", pa.string()),
        ("final_label", pa.string()),
        ("outcome", pa.string()),
        ("verdicts", pa.list_(VERDICT_TYPE)),
        ("agreement", pa.float64()),
        ("slice", pa.string()),  # canonical JSON {tag: value}
        ("split", pa.string()),
        ("received_at", _TIME),
        ("decided_at", _TIME),
    ],
    metadata={"hitl.snapshot": "1"},
)
COMPRESSION = "zstd"
_HASH_BLOCK = 1024 * 1024


_PLAIN = ("item_id", "external_id", "input_is_raw", "model_version", "policy_version", "route",
          "tier", "sample_reason", "final_label", "outcome", "agreement", "split")  # fmt: skip
_VERDICT_FIELDS = tuple(field.name for field in VERDICT_TYPE)


def _array(values: list[Any], type_: pa.DataType) -> pa.Array:
    """Timestamps arrive as ISO 8601 text ("…Z"): Arrow parses a whole column at once."""
    if pa.types.is_timestamp(type_):
        return pa.array(values, pa.string()).cast(type_)
    return pa.array(values, type_)


def _columns(rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (datasets/services/rows.py) as an Arrow table of SCHEMA, built column by column:
    one pass over the rows into flat lists, then one Arrow conversion per list."""
    plain: dict[str, list[Any]] = {name: [] for name in _PLAIN}
    json_text: dict[str, list[str | None]] = {"input": [], "slice": [], "scores": []}
    output: dict[str, list[Any]] = {"label": [], "confidence": [], "calibrated_confidence": []}
    times: dict[str, list[str]] = {"received_at": [], "decided_at": []}
    verdicts: dict[str, list[Any]] = {name: [] for name in _VERDICT_FIELDS}
    offsets = [0]
    for row in rows:
        for name, values in plain.items():
            values.append(row[name])
        model = row["model_output"]
        for name, values in output.items():
            values.append(model[name])
        scores = model["scores"]
        json_text["scores"].append(None if scores is None else canonical_json(scores))
        json_text["input"].append(canonical_json(row["input"]))
        json_text["slice"].append(canonical_json(row["slice"]))
        for name, values in times.items():
            values.append(row[name])
        for verdict in row["verdicts"]:
            for name, values in verdicts.items():
                values.append(verdict[name])
        offsets.append(offsets[-1] + len(row["verdicts"]))
    arrays = {name: _array(values, SCHEMA.field(name).type) for name, values in plain.items()}
    arrays.update({name: _array(values, _TIME) for name, values in times.items()})
    arrays["input"] = pa.array(json_text["input"], pa.string())
    arrays["slice"] = pa.array(json_text["slice"], pa.string())
    arrays["model_output"] = pa.StructArray.from_arrays(
        [_array(output[f.name], f.type) for f in MODEL_OUTPUT_TYPE if f.name != "scores"]
        + [pa.array(json_text["scores"], pa.string())],
        fields=list(MODEL_OUTPUT_TYPE),
    )
    arrays["verdicts"] = pa.ListArray.from_arrays(
        pa.array(offsets, pa.int32()),
        pa.StructArray.from_arrays(
            [_array(verdicts[f.name], f.type) for f in VERDICT_TYPE], fields=list(VERDICT_TYPE)
        ),
    )
    return pa.table([arrays[name] for name in SCHEMA.names], schema=SCHEMA)


def file_sha256(path: Path) -> tuple[str, int]:
    """(SHA-256 hex, size in bytes) of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while block := handle.read(_HASH_BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class SnapshotWriter:
    """Writes one snapshot's JSONL and Parquet files into `folder`.

        with SnapshotWriter(folder) as writer:
            for rows in batches:
                writer.write(rows)
            files = writer.close()   # {"jsonl": (sha256, bytes), "parquet": (...)}

    Leaving the block without `close()` (an exception) removes the temporary files.
    """

    ROW_GROUP_ROWS = 10_000

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = uuid.uuid4().hex  # a second builder of the same snapshot never shares our files
        self._tmp = {fmt: self.folder / f".{name}.{tag}.tmp" for fmt, name in FILE_NAMES.items()}
        self._jsonl: IO[bytes] = self._tmp["jsonl"].open("wb", buffering=_HASH_BLOCK)
        try:
            self._parquet = pq.ParquetWriter(
                str(self._tmp["parquet"]), SCHEMA, compression=COMPRESSION, use_dictionary=True
            )
        except BaseException:
            self.abort()
            raise
        self._digest = hashlib.sha256()
        self._jsonl_bytes = 0
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._closed = False

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if not self._closed:
            self.abort()

    def write(self, rows: list[dict[str, Any]]) -> None:
        """Append rows (in snapshot order) to both files."""
        if not rows:
            return
        text = "".join(canonical_json(row) + "\n" for row in rows).encode()
        self._digest.update(text)
        self._jsonl.write(text)
        self._jsonl_bytes += len(text)
        self._pending.append(_columns(rows))
        self._pending_rows += len(rows)
        while self._pending_rows >= self.ROW_GROUP_ROWS:
            self._flush(self.ROW_GROUP_ROWS)

    def _flush(self, count: int) -> None:
        """Write the first `count` buffered rows as one row group."""
        buffered = pa.concat_tables(self._pending)
        # One contiguous chunk per column: the encoded pages then do not depend on how
        # the rows were batched on the way in.
        group = buffered.slice(0, count).combine_chunks()
        self._parquet.write_table(group, row_group_size=count)
        rest = buffered.slice(count)
        self._pending = [rest.combine_chunks()] if rest.num_rows else []
        self._pending_rows = rest.num_rows
        del buffered, group, rest
        # Arrow's allocator (jemalloc or mimalloc) hands freed pages back to the system
        # lazily, on a timer; on a busy machine the timer lags and the peak grows with the
        # row count. Handing them back after each row group keeps it flat.
        pa.default_memory_pool().release_unused()

    def close(self) -> dict[str, tuple[str, int]]:
        """Finish both files, move them into place, and return {format: (sha256, bytes)}."""
        if self._pending_rows:
            self._flush(self._pending_rows)
        self._parquet.close()
        self._jsonl.close()
        for path in self._tmp.values():
            _fsync(path)
        files = {
            "jsonl": (self._digest.hexdigest(), self._jsonl_bytes),
            "parquet": file_sha256(self._tmp["parquet"]),
        }
        for fmt, path in self._tmp.items():
            os.replace(path, self.folder / FILE_NAMES[fmt])
        _fsync(self.folder)
        self._closed = True
        return files

    def abort(self) -> None:
        """Close what is open and remove the temporary files; the folder keeps nothing."""
        self._closed = True
        for handle in (getattr(self, "_jsonl", None), getattr(self, "_parquet", None)):
            if handle is not None:
                with contextlib.suppress(Exception):  # already failing; the files go next
                    handle.close()
        for path in self._tmp.values():
            path.unlink(missing_ok=True)
