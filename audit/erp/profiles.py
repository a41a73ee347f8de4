"""Mapping profiles (profiles/*.yaml): an ERP's column names, values and formats per dataset.

`erp.profile` in config.yaml names one; every dataset in config.yaml starts from the profile's
entry and overrides what it sets itself (its `columns` and `values` are added to the profile's,
and win where both map the same ERP column or value).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from audit.config import DatasetSource, ErpConfig
from audit.core.yamlfile import load_model
from audit.errors import ConfigError

BUNDLED = Path(__file__).resolve().parents[2] / "profiles"
Dataset = Literal["customers", "price_list", "order_lines", "deliveries", "invoices"]


class Profile(BaseModel):
    """One ERP's mapping: a name, where its exports come from, and a source per dataset."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
    datasets: dict[Dataset, DatasetSource]


def find_profile(name: str, base_dir: Path) -> Path:
    """A profile by path (relative to the config file) or by name (profiles/<name>.yaml)."""
    path = Path(name)
    candidates = [path if path.is_absolute() else base_dir / path]
    if path.suffix == "" and len(path.parts) == 1:
        candidates += [base_dir / "profiles" / f"{name}.yaml", BUNDLED / f"{name}.yaml"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    bundled = ", ".join(sorted(p.stem for p in BUNDLED.glob("*.yaml"))) or "none"
    raise ConfigError(f"erp profile '{name}' not found (bundled profiles: {bundled})")


def load_profile(path: Path) -> Profile:
    """Read and validate a profile file; errors name the file, line and key."""
    return load_model(path, Profile, ConfigError)


def resolve_sources(erp: ErpConfig, base_dir: Path) -> dict[str, DatasetSource]:
    """The configured datasets with the profile's settings filled in."""
    if erp.profile is None:
        return dict(erp.datasets)
    profile = load_profile(find_profile(erp.profile, base_dir))
    return {name: merge(profile.datasets.get(name), source)
            for name, source in erp.datasets.items()}


def merge(base: DatasetSource | None, own: DatasetSource) -> DatasetSource:
    """A dataset's own settings over the profile's."""
    if base is None:
        return own
    data: dict[str, Any] = base.model_dump(exclude_unset=True)
    mine = own.model_dump(exclude_unset=True)
    data["columns"] = {**mine.pop("columns", {}), **{
        k: v for k, v in base.columns.items() if k not in own.columns}}
    values = {field: dict(mapping) for field, mapping in base.values.items()}
    for field, mapping in mine.pop("values", {}).items():
        values[field] = {**values.get(field, {}), **mapping}
    data["values"] = values
    data.update(mine)
    return DatasetSource.model_validate(data)
