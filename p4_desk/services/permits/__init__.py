"""Permit catalogue (permit types and their requirements) and the holiday list.

The catalogue is data that also comes from the central provincial API, in the JSON form
of docs/DEVELOPING.md; ``import_catalog`` is the one way in for both the central
catalogue and an admin's file, ``export_catalog`` writes the same form back.

``types``: the permit types; ``holidays``: the calendar deadlines are counted with; ``files``:
the catalogue JSON. Callers use the names re-exported here.
"""

from p4_desk.services.permits.files import export_catalog, import_catalog
from p4_desk.services.permits.holidays import holiday_calendar, import_holidays, list_holidays
from p4_desk.services.permits.types import (
    CATALOG_FORMAT,
    CATALOG_VERSION,
    DEADLINE_RULES,
    CatalogImportSummary,
    PermitTypeInfo,
    Requirement,
    add_permit_type,
    find_permit_type,
    get_permit_type,
    list_permit_types,
    retire_permit_type,
    set_cuti_bersama_rule,
    set_deadline_rules,
    update_permit_type,
)

__all__ = [
    "CATALOG_FORMAT",
    "CATALOG_VERSION",
    "DEADLINE_RULES",
    "CatalogImportSummary",
    "PermitTypeInfo",
    "Requirement",
    "add_permit_type",
    "export_catalog",
    "find_permit_type",
    "get_permit_type",
    "holiday_calendar",
    "import_catalog",
    "import_holidays",
    "list_holidays",
    "list_permit_types",
    "retire_permit_type",
    "set_cuti_bersama_rule",
    "set_deadline_rules",
    "update_permit_type",
]
