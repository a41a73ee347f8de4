"""run_audit(config, period): the only place that wires the stages together, in order."""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy.exc import SQLAlchemyError

from audit import delivery, limits, owners
from audit.checks import CHECKS, CheckContext
from audit.config import DATASETS, AuditConfig
from audit.contracts import coverage as reading
from audit.contracts.amendments import mark_replacements
from audit.contracts.batch import UNFINISHED, BatchLimits, read_many
from audit.contracts.clauses import split_clauses
from audit.contracts.linking import describe, link_documents, read_index
from audit.contracts.reader import ReadLimits
from audit.core.workdays import WorkCalendar, calendar_for
from audit.erp.loader import load_erp
from audit.erp.scope import top_customers
from audit.errors import (
    AuditError,
    ConfigError,
    Location,
    NoContractsError,
    Problem,
)
from audit.inputs import TRANSACTION_DATES, check_inputs
from audit.lock import LOCK_FILE, AuditLock
from audit.models import (
    AuditRun,
    Clause,
    ContractDoc,
    Deviation,
    ErpData,
    Period,
    RunStats,
    Term,
)
from audit.needs import absent_needs, has_field
from audit.notify.build import OwnerEmail
from audit.notify.outbox import OutboxResult, email_period
from audit.notify.outbox import deliver_outbox as send_outbox
from audit.private import mask
from audit.provenance import versions
from audit.rules.loader import load_rules
from audit.rules.overrides import Override, apply_overrides, load_overrides
from audit.rules.schema import Rule
from audit.rules.validity import apply_validity
from audit.store.cache import ContractCache, TermCache, rules_fingerprint
from audit.store.db import Store
from audit.store.history import Counts, agreement_drops

Progress = Callable[[str, int, int], None]  # (stage, done, total)
log = logging.getLogger("audit")


def _no_progress(stage: str, done: int, total: int) -> None:
    """Default progress callback: silent."""


@dataclass
class RunOptions:
    """How a run delivers: dry-run writes emails to the outbox, resend ignores earlier sends."""

    dry_run: bool = False
    resend: bool = False
    refresh: bool = False  # re-read every contract, ignoring the reading cache
    progress: Progress = field(default=_no_progress)


def run_audit(config: AuditConfig, period: Period, options: RunOptions | None = None) -> AuditRun:
    """The monthly audit, one at a time (a lock), recorded in the database as it runs: a run
    that fails is marked failed with its error and keeps no deviations. Outputs are written and
    the run recorded before any email goes out; a dry run is recorded as a preview."""
    options = options or RunOptions()
    if config.smtp is not None and not options.dry_run:
        config.smtp.check()  # a missing password must not surface after an hour of reading
    with AuditLock(config.path(config.output_dir) / LOCK_FILE):
        store = Store(config.db_url)  # under the lock: two first runs must not both migrate
        interrupted = store.interrupt_running()  # under the lock: their process is gone
        run_id = store.start_run(period.label, versions(config))
        log.info("run %s for %s started", run_id, period.label)
        try:
            run, emails = _audit(config, period, options, store, run_id)
        except BaseException as e:
            _record_failure(store, run_id, period, e)
            raise
        if interrupted:
            run.problems.append(Problem.of("store", "store.interrupted", severity="warning",
                                           n=interrupted))
        _deliver(run, config, store, emails)
        log.info("run %s for %s %s: %s deviations, %s problems", run_id, period.label,
                 "previewed" if options.dry_run else "completed", run.stats.deviations,
                 run.stats.problems)
        _log_problems(run_id, run.problems, config.language)
    return run


def _log_problems(run_id: int, problems: list[Problem], lang: str) -> None:
    """Where and what, in the run's language, for whoever reads the log later (the code too:
    one to grep for in any language)."""
    from audit.core.i18n import label_value

    for problem in problems:
        stage = f"{problem.stage}, {problem.code}" if problem.code else problem.stage
        log.log(logging.WARNING if problem.severity == "warning" else logging.ERROR,
                "run %s %s (%s): %s", run_id, label_value(lang, problem.severity), stage,
                problem.render(lang))


def _record_failure(store: Store, run_id: int, period: Period, error: BaseException) -> None:
    """Mark the run failed; if even that fails (the database is gone), say so in the log."""
    try:
        store.fail_run(run_id, f"{type(error).__name__}: {error}")
    except Exception as e:  # the original error is the one to raise
        log.error("run %s could not be marked failed: %s", run_id, mask(str(e)))
    log.error("run %s for %s failed: %s", run_id, period.label, mask(str(error)))


def _deliver(run: AuditRun, config: AuditConfig, store: Store, emails: delivery.Plan) -> None:
    """Send the recorded run's emails; then record what went out (and amend the report when
    some did not, so it says so)."""
    run.stats = replace(run.stats, emails=delivery.send(run, config, store, emails))
    if emails.dry_run:
        return
    run.stats = replace(run.stats, problems=len(run.problems))
    assert run.run_id is not None
    try:
        store.record_delivery(run.run_id, run)
    except SQLAlchemyError as e:  # the emails are out and marked; only the counts are lost
        log.error("run %s: the email counts could not be recorded: %s", run.run_id, mask(str(e)))
    if run.stats.emails.undelivered:
        try:
            delivery.write_report(run, emails.folder.parent, config.language, store.history())
        except AuditError as e:
            log.error("the report could not be amended: %s", e)


def _audit(config: AuditConfig, period: Period, options: RunOptions, store: Store,
           run_id: int) -> tuple[AuditRun, delivery.Plan]:
    """The stages in order: scope, contracts, terms, checks, owners, status; then outputs and
    the run's record (emails queued), all before any email is sent."""
    clock = time.perf_counter()
    run = AuditRun(period=period)
    run.run_id = run_id
    rules = check_rules(config)
    erp = load_erp(config, only=limits.loadable(config, run.problems))
    run.problems += list(erp.problems)
    check_inputs(config, erp, period, run.problems)
    masters = _customer_rows(erp)
    run.customers = top_customers(erp, period, config.top_n, masters)
    scope = {c.customer_id for c in run.customers}
    docs = read_contracts(config, erp.get("customers"), store, run.problems, options.progress,
                          options.refresh)
    overrides_path = config.path(config.reading.overrides_file)
    coverage: list[dict] = []
    agreements: Counts = {}
    run.terms = read_terms(docs, rules, scope, load_overrides(overrides_path, rules),
                           overrides_path, run.problems, coverage, agreements,
                           term_cache(store, rules, options.refresh))
    run.problems += agreement_drops(store.last_agreements(), agreements)
    calendar = calendar_for(period.lookback_start, period.end, config.holidays.good_friday,
                            config.holidays.liberation_day)
    deviations = check_all(rules, run, erp, masters, calendar, config.language, options.progress)
    deviations, owner_problems = owners.assign(deviations, config, rules, masters, period.end,
                                               calendar, owners.today())
    run.problems += owner_problems
    run.deviations = store.mark_status(period.label, deviations, as_of=period.end)
    run.stats = replace(_stats(run, docs, time.perf_counter() - clock), coverage=coverage,
                        rule_titles={rule_id: rule.title.get(config.language) or rule_id
                                     for rule_id, rule in rules.items()},  # the report's legends
                        agreements=agreements)  # the next run compares
    out = config.path(config.output_dir) / period.label
    emails = delivery.plan(run, config, store, out, options.dry_run, options.resend)
    delivery.commit(run, config, store, out, emails)
    return run, emails


def check_rules(config: AuditConfig) -> dict[str, Rule]:
    """The rule files, validated, each of a kind the checks know (an unknown kind is an error
    naming the file and listing the valid kinds)."""
    return load_rules(config.path(config.rules_dir), kinds=set(CHECKS))


def read_contracts(config: AuditConfig, customers: pd.DataFrame | None, store: Store,
                   problems: list[Problem], progress: Progress,
                   refresh: bool = False) -> list[ContractDoc]:
    """Read (in parallel, each under a time limit; unchanged PDFs from the cache), describe
    and link every contract PDF."""
    folder = config.path(config.contracts_dir)
    if not folder.is_dir():
        raise AuditError(f"contracts folder not found: {folder} (set contracts_dir)")
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
    problems += _unread_files(folder)
    if not paths:
        raise NoContractsError(f"no contract PDFs in the contracts folder {folder}: nothing to "
                               "audit (put the contracts there, or set contracts_dir)")
    reading = config.reading
    index = read_index(config.path(reading.index_file)) if reading.index_file else None
    limits = BatchLimits(ReadLimits(reading.max_pages, reading.ocr),
                         reading.seconds_per_document, reading.workers,
                         config.limits.reader_memory_mb, config.limits.ocr_max_pixels)
    hashes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    paths = _one_of_each(paths, hashes, problems)
    results = _cached_reads(paths, hashes, limits, store.contract_cache(limits.read.settings),
                            refresh, progress)
    docs = []
    for path in paths:
        doc, found = results[path]
        problems += found
        if doc is not None:
            docs.append(describe(doc, config.company.kvk_number))
    docs, found = link_documents(docs, customers, index)  # amendments find their base contract
    problems += found
    return docs


def _unread_files(folder: Path) -> list[Problem]:
    """What in the contracts folder looks like a contract but is not read: a document or scan
    in another format (Word, an image), and a subfolder holding PDFs (only the folder's own
    PDFs are read; a file name must name one contract)."""
    found = [Problem.of("contracts", "contracts.not_a_pdf", Location(p.name), "warning")
             for p in sorted(folder.iterdir())
             if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES]
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        count = sum(1 for p in sub.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
        if count:
            found.append(Problem.of("contracts", "contracts.subfolder_not_read",
                                    Location(f"{folder.name}/{sub.name}/"), "warning",
                                    count=count))
    return found


# files that hold a contract in a form the reader does not take: convert them to PDF
DOCUMENT_SUFFIXES = {".doc", ".docx", ".odt", ".rtf", ".pages", ".jpg", ".jpeg", ".png", ".tif",
                     ".tiff", ".heic", ".msg", ".eml", ".zip"}


def _one_of_each(paths: list[Path], hashes: dict[Path, str], problems: list[Problem]
                 ) -> list[Path]:
    """The PDFs with their copies left out: of the files with the same content the one with the
    shortest name is read ('contract.pdf', not 'contract (1).pdf'), each other one is a warning
    naming it, and not read (its agreements would count twice)."""
    original: dict[str, Path] = {}
    for path in sorted(paths, key=lambda p: (len(p.name), p.name)):
        original.setdefault(hashes[path], path)
    for path in paths:
        if original[hashes[path]] != path:
            problems.append(Problem.of("contracts", "contracts.same_content",
                                       Location(path.name), "warning",
                                       first=original[hashes[path]].name))
    return [p for p in paths if original[hashes[p]] == p]


def _cached_reads(paths: list[Path], hashes: dict[Path, str], limits: BatchLimits,
                  cache: ContractCache, refresh: bool, progress: Progress
                  ) -> dict[Path, tuple[ContractDoc | None, list[Problem]]]:
    """Cached results for PDFs read before (same content, same settings); read the rest."""
    results = {} if refresh else {p: r for p in paths if (r := cache.get(p, hashes[p]))}
    todo = [p for p in paths if p not in results]
    progress("contracts", len(results), len(paths))
    fresh = read_many(todo, limits, lambda done, _: progress("contracts", len(results) + done,
                                                             len(paths)))
    for path, result in fresh.items():
        doc, found = result
        if doc is not None or not any(p.code in UNFINISHED for p in found):
            cache.put(path, hashes[path], result)  # not a time-out or crash: those may pass
    results.update(fresh)
    return {p: results[p] for p in paths}


def read_terms(docs: list[ContractDoc], rules: dict[str, Rule], scope: set[str] | None,
               overrides: list[Override], overrides_path: Path,
               problems: list[Problem], coverage: list[dict] | None = None,
               agreements: Counts | None = None, cache: TermCache | None = None) -> list[Term]:
    """The agreements of the customers in scope (None: all linked), valid from their document's
    date until a later one replaces them, with the controller's corrections applied.

    Each document's reading (clauses, headings, longest clause, agreements per rule) goes to
    `coverage`; a thin one (no structure, a swallowed clause, no agreement) is a problem."""
    readers: list[Any] = []  # the TermReader, built (spaCy loaded) only when a doc needs it
    terms: list[Term] = []
    changes: list[Clause] = []  # amendment clauses that replace or delete an article
    for doc in docs:
        if doc.customer_id is not None and (scope is None or doc.customer_id in scope):
            clauses = mark_replacements(split_clauses(doc))
            changes += [c for c in clauses if c.change]
            found = _document_terms(doc, doc.customer_id, clauses, rules, readers, cache)
            terms += found
            measured = reading.with_agreements(reading.measure(doc, clauses), found)
            problems += reading.problems(measured)
            if coverage is not None:
                coverage.append(reading.row(measured))
            if agreements is not None:
                agreements[doc.file] = dict(Counter(t.rule_id for t in found))
    linked = {d.customer_id for d in docs}
    for cid in sorted((scope or set()) - linked):
        problems.append(Problem.of("contracts", "contracts.no_contract_linked", customer=cid))
    terms = apply_overrides(apply_validity(terms, changes, problems), overrides, rules,
                            overrides_path)
    return [t for t in terms if scope is None or t.customer_id in scope]


def _document_terms(doc: ContractDoc, customer_id: str, clauses: list[Clause],
                    rules: dict[str, Rule], readers: list[Any],
                    cache: TermCache | None) -> list[Term]:
    """What the rules read from one document: from the cache when read before with the same
    rules and code, else read (building the TermReader on first need) and remembered."""
    cached = cache.get(doc, customer_id, clauses) if cache is not None else None
    if cached is not None:
        return cached
    if not readers:
        from audit.rules.matching import TermReader  # spaCy: only when something is read
        readers.append(TermReader(rules))
    found: list[Term] = readers[0].read_document(clauses, customer_id)
    if cache is not None:
        cache.put(doc, customer_id, clauses, found)
    return found


def term_cache(store: Store, rules: dict[str, Rule], refresh: bool) -> TermCache | None:
    """The cache of what the rules read, keyed by the rules and the reading code (None with
    --refresh: everything is read again)."""
    if refresh:
        return None
    package = Path(__file__).parent
    code = sorted([*(package / "rules").glob("*.py"), *(package / "contracts").glob("*.py"),
                   *(package / "core").glob("*.py"), package / "models.py"])
    return TermCache(store.engine, rules_fingerprint(rules, code))


def read_agreements(config: AuditConfig, progress: Progress = _no_progress,
                    refresh: bool = False, coverage: list[dict] | None = None,
                    ) -> tuple[list[Term], list[Problem]]:
    """What every linked contract says (for review), without checking anything."""
    rules = check_rules(config)
    erp = load_erp(config, only=("customers",))  # only to link documents to customers
    problems = list(erp.problems)
    store = Store(config.db_url)
    docs = read_contracts(config, erp.get("customers"), store, problems, progress, refresh)
    overrides_path = config.path(config.reading.overrides_file)
    agreements: Counts = {}
    terms = read_terms(docs, rules, None, load_overrides(overrides_path, rules), overrides_path,
                       problems, coverage, agreements, term_cache(store, rules, refresh))
    problems += agreement_drops(store.last_agreements(), agreements)
    return terms, problems


def check_all(rules: dict[str, Rule], run: AuditRun, erp: ErpData,
              masters: dict[str, dict[str, Any]], calendar: WorkCalendar, lang: str,
              progress: Progress) -> list[Deviation]:
    """Run both checks of every rule for every customer in scope."""
    sides = _runnable_sides(rules, erp, run)
    groups = _by_customer(erp, {c.customer_id for c in run.customers})
    deviations: list[Deviation] = []
    for i, customer in enumerate(run.customers):
        progress("checks", i, len(run.customers))
        frames = {n: g.get(customer.customer_id, erp.frames[n].iloc[0:0])
                  for n, g in groups.items()}
        mine = [t for t in run.terms if t.customer_id == customer.customer_id]
        for rule_id, fns in sides.items():
            terms = [t for t in mine if t.rule_id == rule_id]
            if not terms:
                continue
            ctx = CheckContext(rules[rule_id], customer.customer_id, customer.name,
                               masters.get(customer.customer_id, {}), terms, frames, run.period,
                               calendar, lang, customer_terms=mine, everyone=erp.frames)
            for fn in fns:
                deviations += _safe_check(fn, ctx, run)
    progress("checks", len(run.customers), len(run.customers))
    return deviations


def _by_customer(erp: ErpData, scope: set[str]) -> dict[str, dict[str, pd.DataFrame]]:
    """Per dataset with a customer column, the rows of each customer in scope (list_prices,
    for everyone, stays in `everyone`)."""
    groups: dict[str, dict[str, pd.DataFrame]] = {}
    for name, frame in erp.frames.items():
        if "customer_id" not in frame.columns:
            continue
        # only the id column grouped, each audited customer's rows taken once (not 500 split
        # frames); without the loader's attrs, which pandas deep-copies into every derived frame
        ids = frame["customer_id"]
        inside = np.flatnonzero(ids.isin(scope).to_numpy())
        rows = ids.iloc[inside]
        groups[name] = {k: _no_attrs(frame.iloc[inside[at]])
                        for k, at in rows.groupby(rows, sort=False).indices.items()}
    return groups


def _no_attrs(frame: pd.DataFrame) -> pd.DataFrame:
    frame.attrs = {}
    return frame


# a check side skipped, by side ('registered' / 'executed'): what it lacks
SKIPPED = {"registered": "checks.registered_no_dataset", "executed": "checks.executed_no_dataset"}
NO_FIELD = {"registered": "checks.registered_no_field", "executed": "checks.executed_no_field"}
LACKING = {"registered": "checks.registered_lacking", "executed": "checks.executed_lacking"}


def _runnable_sides(rules: dict[str, Rule], erp: ErpData,
                    run: AuditRun) -> dict[str, list[Callable[[CheckContext], list[Deviation]]]]:
    """Per rule, the checks whose datasets loaded; the others are reported as skipped."""
    sides: dict[str, list[Callable[[CheckContext], list[Deviation]]]] = {}
    for rule_id, rule in sorted(rules.items()):
        kind = CHECKS.get(rule.check_kind)
        if kind is None:
            run.problems.append(Problem.of("checks", "checks.no_check", severity="warning",
                                           rule=rule_id))
            continue
        for side, spec, fn in (("registered", rule.registered, kind.registered),
                               ("executed", rule.executed, kind.executed)):
            if spec is None or fn is None:
                continue
            needed = {spec.dataset, "customers", *spec.also}
            missing = sorted(n for n in needed if erp.get(n) is None)
            if missing:
                run.problems.append(Problem.of("checks", SKIPPED[side], severity="warning",
                                               rule=rule_id, datasets=", ".join(missing)))
                continue
            if spec.field and not has_field(erp, spec.dataset, spec.field):
                run.problems.append(Problem.of("checks", NO_FIELD[side], severity="warning",
                                               rule=rule_id, dataset=spec.dataset,
                                               field=spec.field))
                continue
            if lacking := absent_needs(fn, erp, needed):  # an optional field it cannot do without
                run.problems.append(Problem.of("checks", LACKING[side], severity="warning",
                                               rule=rule_id, fields=", ".join(lacking)))
                continue
            sides.setdefault(rule_id, []).append(fn)
    return sides


def _safe_check(fn: Callable[[CheckContext], list[Deviation]], ctx: CheckContext,
                run: AuditRun) -> list[Deviation]:
    try:
        return fn(ctx)
    except Exception as e:  # one failing check must not stop the audit of the others
        run.problems.append(Problem.of("checks", "checks.failed",
                                       check=f"{fn.__module__}.{fn.__name__}",
                                       customer=ctx.customer_id,
                                       error=f"{type(e).__name__}: {e}"))
        return []


def _customer_rows(erp: ErpData) -> dict[str, dict[str, Any]]:
    customers = erp.get("customers")
    if customers is None:
        return {}
    return {str(r["customer_id"]): r for r in customers.to_dict("records")}


def _stats(run: AuditRun, docs: list[ContractDoc], seconds: float) -> RunStats:
    open_devs = [d for d in run.deviations
                 if d.status != "resolved" and d.owner_state != "suppressed"]
    impact = [d.impact_eur for d in open_devs if d.impact_eur is not None]
    return RunStats(
        customers=len(run.customers),
        contracts=len(docs),
        pages=sum(len(d.pages) for d in docs),
        terms=len(run.terms),
        deviations=len(open_devs),
        resolved=len(run.deviations) - len(open_devs),
        by_owner=dict(Counter(d.owner for d in open_devs)),
        impact_forgone=sum((i for i in impact if i > 0), Decimal(0)),
        impact_owed=sum((i for i in impact if i < 0), Decimal(0)),
        problems=len(run.problems),
        seconds=round(seconds, 2),
    )


@dataclass(frozen=True)
class RuleStatus:
    """One valid rule file as `contract-audit rules check` lists it."""

    rule_id: str
    title: str
    checked: bool  # a check of its kind exists (else its terms are only read)


def validate_rules(config: AuditConfig) -> list[RuleStatus]:
    """The rule files validated as a run would (schema, known kind, spaCy token patterns),
    without running an audit."""
    from audit.rules.matching import TermReader  # spaCy loads only here

    rules = check_rules(config)
    TermReader(rules)  # spaCy validates the token patterns
    return [RuleStatus(rule_id, rule.title.en, bool(CHECKS[rule.check_kind].registered
                                                     or CHECKS[rule.check_kind].executed))
            for rule_id, rule in sorted(rules.items())]


def audit_due(config: AuditConfig, label: str) -> bool:
    """Whether the scheduler still has to audit a period: no run of it completed."""
    return not Store(config.db_url).completed(label)


def job_store(config: AuditConfig) -> Any:
    """The scheduler's job store, in the audit database (created and migrated first)."""
    from audit.store.jobs import job_store as store_for

    return store_for(Store(config.db_url))


@dataclass(frozen=True)
class OutboxDelivery:
    """What `contract-audit send` did: per outbox folder its result; the queued emails whose
    file is gone (a run killed before writing them)."""

    folders: list[tuple[Path, OutboxResult]]
    lost: list[dict[str, Any]]

    @property
    def failed(self) -> int:
        """Emails not delivered: not sent, or lost."""
        return sum(len(r.problems) for _, r in self.folders) + len(self.lost)


def deliver_outbox(config: AuditConfig, period: str | None, resend: bool) -> OutboxDelivery:
    """Deliver the emails waiting in the outboxes (one period's, else every period's), under
    the audit lock; each is marked sent in the database the moment the server accepts it."""
    if config.smtp is None:
        raise ConfigError("nothing can be sent: config.yaml has no smtp: section")
    config.smtp.check()
    store = Store(config.db_url)
    with AuditLock(config.path(config.output_dir) / LOCK_FILE, purpose="send"):
        folders = [(f, _send_folder(store, config, f, resend)) for f in _outboxes(config, period)]
        lost = [e for e in store.pending_emails(period) if not Path(e["file"]).exists()]
    return OutboxDelivery(folders, lost)


def _outboxes(config: AuditConfig, period: str | None) -> list[Path]:
    output = config.path(config.output_dir)
    if period is not None:
        return [output / period / delivery.OUTBOX]
    return sorted(p for p in output.glob(f"*/{delivery.OUTBOX}") if p.is_dir())


def _send_folder(store: Store, config: AuditConfig, folder: Path, resend: bool) -> OutboxResult:
    """Deliver one outbox: an email is sent unless it went out before (or --resend)."""
    assert config.smtp is not None

    def unsent(email: OwnerEmail, path: Path) -> bool:
        state = store.outbox_state(delivery.message_id(email))
        if state is not None:  # an email the outbox never recorded did not go out before
            return state == "pending"
        return not store.was_sent(email_period(email, path), email.email, email.digest)

    return send_outbox(
        folder, config.smtp, should_send=lambda e, p: resend or unsent(e, p),
        on_sent=lambda e, p: store.record_sent(email_period(e, p), e.email, e.digest,
                                               delivery.message_id(e)))


@dataclass(frozen=True)
class ExportCheck:
    """The ERP exports as `contract-audit check` shows them: what loaded, each dataset's
    fields in schema order, and the datasets a period is audited on (empty: not usable)."""

    erp: ErpData
    fields: dict[str, tuple[str, ...]]
    transactional: frozenset[str]


def check_exports(config: AuditConfig) -> ExportCheck:
    """Load every configured ERP dataset, without an audit."""
    from audit.erp.fields import SCHEMAS

    erp = load_erp(config, only=[n for n in DATASETS if n in config.erp.datasets])
    fields = {name: tuple(f.name for f in schema) for name, schema in SCHEMAS.items()}
    return ExportCheck(erp, fields, frozenset(TRANSACTION_DATES))


def recorded_runs(config: AuditConfig, limit: int) -> list[dict[str, Any]]:
    """The latest runs in the database, newest first."""
    return Store(config.db_url).runs(limit)


def tracked(config: AuditConfig, period: str | None) -> tuple[str | None, list[Deviation]]:
    """The deviations of the latest completed run (of `period`), with the owners' responses."""
    return Store(config.db_url).tracked(period)


def trail(config: AuditConfig, deviation_id: str
          ) -> tuple[Deviation, list[dict[str, Any]], list[tuple[str, str]]]:
    """One deviation as last seen, its audit trail and its status per run."""
    return Store(config.db_url).trail(deviation_id)


def respond(config: AuditConfig, deviation_id: str, action: str, by: str, note: str,
            until: date | None) -> Deviation:
    """Record an owner's response to a deviation in its trail."""
    return Store(config.db_url).respond(deviation_id, action, by, note, until)


__all__ = ["RunOptions", "run_audit", "Location"]
