# generated — do not edit; run python tools/compile_forms.py
# (compiled from ui/counter_reactivate.ui)
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'counter_reactivate.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ReactivateForm(object):
    def setupUi(self, ReactivateForm):
        if not ReactivateForm.objectName():
            ReactivateForm.setObjectName(u"ReactivateForm")
        ReactivateForm.resize(560, 380)
        self.verticalLayout = QVBoxLayout(ReactivateForm)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.explanationLabel = QLabel(ReactivateForm)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.explanationLabel)

        self.filterEdit = QLineEdit(ReactivateForm)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.verticalLayout.addWidget(self.filterEdit)

        self.ticketTable = QTableWidget(ReactivateForm)
        if (self.ticketTable.columnCount() < 3):
            self.ticketTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.ticketTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.ticketTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.ticketTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.ticketTable.setObjectName(u"ticketTable")
        self.ticketTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.ticketTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.ticketTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.ticketTable.setAlternatingRowColors(True)
        self.ticketTable.horizontalHeader().setStretchLastSection(False)
        self.ticketTable.verticalHeader().setVisible(False)

        self.verticalLayout.addWidget(self.ticketTable)

        self.messageLabel = QLabel(ReactivateForm)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(ReactivateForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(ReactivateForm)

        QMetaObject.connectSlotsByName(ReactivateForm)
    # setupUi

    def retranslateUi(self, ReactivateForm):
        ReactivateForm.setWindowTitle(QCoreApplication.translate("ReactivateForm", u"Queue a no-show again", None))
        self.explanationLabel.setText(QCoreApplication.translate("ReactivateForm", u"A citizen marked no-show today has come back. Choose the ticket: it joins the queue again at the back and keeps its number.", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("ReactivateForm", u"Ticket number, e.g. A017", None))
        ___qtablewidgetitem = self.ticketTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ReactivateForm", u"Number", None))
        ___qtablewidgetitem1 = self.ticketTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ReactivateForm", u"Service", None))
        ___qtablewidgetitem2 = self.ticketTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ReactivateForm", u"No-show at", None))
    # retranslateUi
