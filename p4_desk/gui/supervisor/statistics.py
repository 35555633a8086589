"""Statistics for a period with filters, charts (QtCharts) and report export.

Charts use QtCharts (``PySide6.QtCharts``, in PySide6-Addons which the project already ships):
native Qt widgets that follow the application's palette and fonts, render offscreen in tests
and need no extra package; a plotting library such as matplotlib would add tens of megabytes
to the installer for two bar charts. The heat map is a coloured table (exact numbers readable).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.wording import DAY_NAMES, format_date, format_number
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.supervisor.live import cell, minutes_text, table
from p4_desk.services.reports import format_of, percent_cell, report_file
from p4_desk.services.screens.supervisor import StatisticsChoices, statistics_choices
from p4_desk.services.stats import Period, Statistics, StatsFilter, compute_statistics
from p4_desk.services.visit_stats import VisitFigures, visit_figures

#: Qt's pattern of ``domain.wording.format_date``; month names come from the Indonesian locale
DATE_FORMAT = "d MMMM yyyy"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StatisticsPanel(QWidget):
    computed = Signal(object)  # Statistics
    exported = Signal(str)  # path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats: Statistics | None = None
        today = ctx.db.now().astimezone(ctx.db.timezone).date()

        self.date_from = QDateEdit(_qdate(today.replace(day=1)))
        self.date_to = QDateEdit(_qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)  # "4 Maret 2026", like every date of the program
        self.agency = QComboBox()
        self.service = QComboBox()
        self.counter = QComboBox()
        self.officer = QComboBox()
        for combo in (self.agency, self.service, self.counter, self.officer):
            combo.addItem(self.tr("(all)"), None)
            combo.setMinimumWidth(150)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.compute)
        self.export_buttons = {
            fmt: QPushButton(self.tr("Export %1…").replace("%1", fmt.upper()))
            for fmt in ("pdf", "csv", "xlsx")
        }
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, f=fmt: self.ask_export(f))
            button.setEnabled(False)
        self.message = QLabel()

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("From")), 0, 0)
        filters.addWidget(self.date_from, 0, 1)
        filters.addWidget(QLabel(self.tr("To")), 0, 2)
        filters.addWidget(self.date_to, 0, 3)
        filters.addWidget(self.show_button, 0, 8)
        for i, (label, combo) in enumerate(
            ((self.tr("Agency"), self.agency), (self.tr("Service"), self.service),
             (self.tr("Counter"), self.counter), (self.tr("Officer"), self.officer))
        ):  # fmt: skip
            filters.addWidget(QLabel(label), 1, 2 * i)
            filters.addWidget(combo, 1, 2 * i + 1)

        # figures
        self.figures: dict[str, QLabel] = {}
        summary = QGroupBox(self.tr("Summary"))
        form = QFormLayout(summary)
        for key, label in (
            ("issued", self.tr("Tickets issued")),
            ("served", self.tr("Served")),
            ("no_show", self.tr("No-show")),
            ("cancelled", self.tr("Cancelled")),
            ("transferred", self.tr("Transferred")),
            ("unserved", self.tr("Unserved (the service day ended)")),
            ("waiting_at_end", self.tr("Still waiting at the end")),
            ("wait", self.tr("Waiting time avg / median / p90 (min)")),
            ("service", self.tr("Service time avg / median / p90 (min)")),
            ("within_target", self.tr("Served within target wait")),
            ("permits_decided", self.tr("Permit applications decided")),
            ("permits_on_time", self.tr("Decided within the deadline (clock running)")),
            ("visits", self.tr("Visits of several services")),
        ):
            value = QLabel("–")
            value.setObjectName(f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures[key] = value
            form.addRow(label, value)

        self.services = table(
            [self.tr("Service"), self.tr("Issued"), self.tr("Served", "column"), self.tr("No-show"),
             self.tr("Avg wait (min)"), self.tr("Within target")]
        )  # fmt: skip
        self.officers = table(
            [
                self.tr("Officer"),
                self.tr("Served", "column"),
                self.tr("Avg service (min)"),
                self.tr("Idle (min)"),
            ]
        )
        self.heatmap = QTableWidget(7, 24)
        self.heatmap.setVerticalHeaderLabels(list(DAY_NAMES))
        self.heatmap.setHorizontalHeaderLabels([f"{h:02d}" for h in range(24)])
        self.heatmap.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heatmap.verticalHeader().setDefaultSectionSize(24)
        self.heatmap.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heatmap.setMinimumHeight(235)
        self.trend = QChartView()
        self.trend.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.trend.setMinimumHeight(260)

        top = QHBoxLayout()
        top.addWidget(summary, 2)
        top.addWidget(self.services, 3)
        self.officers.setMinimumHeight(140)
        body = QWidget()
        bv = QVBoxLayout(body)
        bv.addLayout(top)
        bv.addWidget(QLabel(self.tr("Officers")))
        bv.addWidget(self.officers)
        bv.addWidget(QLabel(self.tr("Daily trend")))
        bv.addWidget(self.trend)
        bv.addWidget(QLabel(self.tr("Arrivals by weekday and hour (local time)")))
        bv.addWidget(self.heatmap)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        exports = QHBoxLayout()
        exports.addWidget(self.message, 1)
        for button in self.export_buttons.values():
            exports.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(scroll, 1)
        layout.addLayout(exports)
        self._load_choices()

    # --- filters ----------------------------------------------------------------------------

    def _load_choices(self) -> None:
        def fill(choices: StatisticsChoices) -> None:
            for a in choices.agencies:
                self.agency.addItem(f"{a.code} – {a.name}", a.code)
            for sv in choices.services:
                self.service.addItem(f"{sv.code} – {sv.name}", sv.code)
            for c in choices.counters:
                self.counter.addItem(c.name, c.code)
            for u in choices.officers:
                self.officer.addItem(u.full_name, u.username)

        run_task(self, partial(statistics_choices, self.ctx.db), fill, self._failed)

    def period(self) -> Period:
        return Period(_date(self.date_from.date()), _date(self.date_to.date()))

    def filters(self) -> StatsFilter:
        return StatsFilter(
            agency=self.agency.currentData(),
            service=self.service.currentData(),
            counter=self.counter.currentData(),
            officer=self.officer.currentData(),
        )

    # --- computing --------------------------------------------------------------------------

    def compute(self) -> None:
        try:
            period, filters = self.period(), self.filters()
        except P4Error as exc:
            self._failed(exc)
            return
        self.show_button.setEnabled(False)
        self.message.setText(self.tr("Computing…"))
        db = self.ctx.db
        run_task(self, lambda: compute_statistics(db, period, filters), self._show, self._failed)
        run_task(self, lambda: visit_figures(db, period), self._show_visits, self._failed)

    def _show_visits(self, v: VisitFigures) -> None:
        text = self.tr("{0}: {1} completed, {2} services not reached; next service wait avg {3} min")
        done, missed = format_number(v.completed), format_number(v.not_reached)
        wait = minutes_text(v.continued_wait_avg_seconds)
        self.figures["visits"].setText(
            text.format(format_number(v.visits), done, missed, wait) if v.visits else "–"
        )

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        message = exc.message if isinstance(exc, P4Error) else str(exc)
        self.message.setText(message)
        QMessageBox.warning(self, self.tr("Statistics"), message)

    def _show(self, stats: Statistics) -> None:
        self.stats = stats
        self.show_button.setEnabled(True)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        t = stats.totals
        for key in ("issued", "served", "no_show", "cancelled", "transferred", "unserved", "waiting_at_end"):
            self.figures[key].setText(format_number(getattr(t, key)))
        permits = stats.permits
        self.figures["permits_decided"].setText("–" if permits is None else format_number(permits.decided))
        self.figures["permits_on_time"].setText(
            "–"
            if permits is None or not permits.decided
            else f"{format_number(permits.on_time)} ({percent_cell(permits.on_time_share)})"
        )
        self.figures["wait"].setText(
            " / ".join(minutes_text(v) for v in (t.wait_avg, t.wait_median, t.wait_p90))
        )
        self.figures["service"].setText(
            " / ".join(minutes_text(v) for v in (t.service_avg, t.service_median, t.service_p90))
        )
        self.figures["within_target"].setText(percent_cell(t.within_target))
        self.services.setRowCount(len(stats.services))
        for row, sv in enumerate(stats.services):
            for col, item in enumerate(
                (cell(f"{sv.code} – {sv.name}"), cell(sv.issued, right=True), cell(sv.served, right=True),
                 cell(sv.no_show, right=True), cell(minutes_text(sv.wait_avg), right=True),
                 cell(percent_cell(sv.within_target), right=True))
            ):  # fmt: skip
                self.services.setItem(row, col, item)
        self.officers.setRowCount(len(stats.officers))
        for row, o in enumerate(stats.officers):
            for col, item in enumerate(
                (cell(o.full_name), cell(o.served, right=True), cell(minutes_text(o.service_avg), right=True),
                 cell(minutes_text(o.idle_seconds), right=True))
            ):  # fmt: skip
                self.officers.setItem(row, col, item)
        self._fill_heatmap(stats)
        self.trend.setChart(self._trend_chart(stats))
        self.message.setText(self.tr("Figures for %1 to %2").replace("%1", format_date(stats.period.first))
                             .replace("%2", format_date(stats.period.last)))  # fmt: skip
        self.computed.emit(stats)

    def _fill_heatmap(self, stats: Statistics) -> None:
        top = max((max(row) for row in stats.heatmap), default=0) or 1
        for w, row in enumerate(stats.heatmap):
            for h, n in enumerate(row):
                item = cell(n or "", right=True)
                if n:
                    share = 0.15 + 0.85 * n / top
                    item.setBackground(
                        QBrush(QColor.fromRgbF(1 - share * 0.88, 1 - share * 0.69, 1 - share * 0.53))
                    )
                    if share > 0.6:
                        item.setForeground(QBrush(QColor("white")))
                self.heatmap.setItem(w, h, item)

    def _trend_chart(self, stats: Statistics) -> QChart:
        issued = QBarSet(self.tr("Issued"))
        served = QBarSet(self.tr("Served", "column"))
        for d in stats.days:
            issued.append(d.issued)
            served.append(d.served)
        issued.setColor(QColor("#1F4E79"))
        served.setColor(QColor("#70AD47"))
        series = QBarSeries()
        series.append(issued)
        series.append(served)
        chart = QChart()
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(d.day.day) for d in stats.days])
        axis_y = QValueAxis()
        axis_y.setRange(0, max([d.issued for d in stats.days] + [1]) * 1.1)
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setMargins(chart.margins())
        return chart

    # --- export -----------------------------------------------------------------------------

    def ask_export(self, fmt: str) -> None:
        if self.stats is None:
            return
        suggested = f"laporan-{self.stats.period.first}-{self.stats.period.last}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(Path.home() / suggested), f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the shown figures (the same ones) to ``path``; format from its extension."""
        stats = self.stats
        if stats is None:
            return
        db = self.ctx.db

        def write() -> str:
            data = report_file(db, stats, format_of(path))
            Path(path).write_bytes(data)
            return path

        def done(written: str) -> None:
            self.message.setText(self.tr("Report saved to %1").replace("%1", written))
            self.exported.emit(written)

        self.message.setText(self.tr("Writing report…"))
        run_task(self, write, done, self._failed)
