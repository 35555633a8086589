# generated — do not edit; run python tools/compile_forms.py
# (compiled from ui/counter_window.ui)
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'counter_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from p4_desk.gui.common.feedback import Banner

class Ui_CounterWindow(object):
    def setupUi(self, CounterWindow):
        if not CounterWindow.objectName():
            CounterWindow.setObjectName(u"CounterWindow")
        self.outerLayout = QVBoxLayout(CounterWindow)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(12, 8, 12, 8)
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.counterHeader = QLabel(CounterWindow)
        self.counterHeader.setObjectName(u"counterHeader")
        self.counterHeader.setText(u"")

        self.topLayout.addWidget(self.counterHeader)

        self.counterState = QLabel(CounterWindow)
        self.counterState.setObjectName(u"counterState")
        self.counterState.setText(u"")

        self.topLayout.addWidget(self.counterState)

        self.topLayout.setStretch(0, 1)

        self.outerLayout.addLayout(self.topLayout)

        self.banner = Banner(CounterWindow)
        self.banner.setObjectName(u"banner")
        self.banner.setProperty(u"kind", u"warning")

        self.outerLayout.addWidget(self.banner)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.ticketPanel = QFrame(CounterWindow)
        self.ticketPanel.setObjectName(u"ticketPanel")
        self.panelLayout = QVBoxLayout(self.ticketPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelTopStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panelLayout.addItem(self.panelTopStretch)

        self.ticketNumber = QLabel(self.ticketPanel)
        self.ticketNumber.setObjectName(u"ticketNumber")
        self.ticketNumber.setText(u"\u2014")
        self.ticketNumber.setAlignment(Qt.AlignCenter)

        self.panelLayout.addWidget(self.ticketNumber)

        self.badgeRow = QHBoxLayout()
        self.badgeRow.setObjectName(u"badgeRow")
        self.badgeLeftStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.badgeRow.addItem(self.badgeLeftStretch)

        self.priorityBadge = QLabel(self.ticketPanel)
        self.priorityBadge.setObjectName(u"priorityBadge")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.priorityBadge.sizePolicy().hasHeightForWidth())
        self.priorityBadge.setSizePolicy(sizePolicy)
        self.priorityBadge.setText(u"")

        self.badgeRow.addWidget(self.priorityBadge)

        self.ticketState = QLabel(self.ticketPanel)
        self.ticketState.setObjectName(u"ticketState")
        sizePolicy.setHeightForWidth(self.ticketState.sizePolicy().hasHeightForWidth())
        self.ticketState.setSizePolicy(sizePolicy)
        self.ticketState.setText(u"")
        self.ticketState.setAlignment(Qt.AlignCenter)

        self.badgeRow.addWidget(self.ticketState)

        self.badgeRightStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.badgeRow.addItem(self.badgeRightStretch)

        self.badgeRow.setStretch(0, 1)
        self.badgeRow.setStretch(3, 1)

        self.panelLayout.addLayout(self.badgeRow)

        self.badgeGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.panelLayout.addItem(self.badgeGap)

        self.ticketService = QLabel(self.ticketPanel)
        self.ticketService.setObjectName(u"ticketService")
        self.ticketService.setText(u"")
        self.ticketService.setAlignment(Qt.AlignCenter)
        self.ticketService.setWordWrap(True)

        self.panelLayout.addWidget(self.ticketService)

        self.panelBottomStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panelLayout.addItem(self.panelBottomStretch)

        self.factsLayout = QHBoxLayout()
        self.factsLayout.setObjectName(u"factsLayout")
        self.ticketWaited = QLabel(self.ticketPanel)
        self.ticketWaited.setObjectName(u"ticketWaited")
        self.ticketWaited.setText(u"")
        self.ticketWaited.setAlignment(Qt.AlignCenter)

        self.factsLayout.addWidget(self.ticketWaited)

        self.ticketAtCounter = QLabel(self.ticketPanel)
        self.ticketAtCounter.setObjectName(u"ticketAtCounter")
        self.ticketAtCounter.setText(u"")
        self.ticketAtCounter.setAlignment(Qt.AlignCenter)

        self.factsLayout.addWidget(self.ticketAtCounter)

        self.ticketRecalls = QLabel(self.ticketPanel)
        self.ticketRecalls.setObjectName(u"ticketRecalls")
        self.ticketRecalls.setText(u"")
        self.ticketRecalls.setAlignment(Qt.AlignCenter)

        self.factsLayout.addWidget(self.ticketRecalls)

        self.factsLayout.setStretch(0, 1)
        self.factsLayout.setStretch(1, 1)
        self.factsLayout.setStretch(2, 1)

        self.panelLayout.addLayout(self.factsLayout)

        self.panelLayout.setStretch(0, 1)
        self.panelLayout.setStretch(5, 1)

        self.leftLayout.addWidget(self.ticketPanel)

        self.buttonsBox = QWidget(CounterWindow)
        self.buttonsBox.setObjectName(u"buttonsBox")
        self.buttonsLayout = QGridLayout(self.buttonsBox)
        self.buttonsLayout.setSpacing(8)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.buttonsLayout.setContentsMargins(0, 0, 0, 0)

        self.leftLayout.addWidget(self.buttonsBox)

        self.leftLayout.setStretch(0, 3)

        self.bodyLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.sectionTitle = QLabel(CounterWindow)
        self.sectionTitle.setObjectName(u"sectionTitle")

        self.rightLayout.addWidget(self.sectionTitle)

        self.waitingFilter = QLineEdit(CounterWindow)
        self.waitingFilter.setObjectName(u"waitingFilter")
        self.waitingFilter.setClearButtonEnabled(True)

        self.rightLayout.addWidget(self.waitingFilter)

        self.waitingTable = QTableView(CounterWindow)
        self.waitingTable.setObjectName(u"waitingTable")
        self.waitingTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.waitingTable.setAlternatingRowColors(True)
        self.waitingTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.waitingTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.waitingTable.verticalHeader().setVisible(False)

        self.rightLayout.addWidget(self.waitingTable)

        self.tally = QLabel(CounterWindow)
        self.tally.setObjectName(u"tally")
        self.tally.setText(u"")
        self.tally.setWordWrap(True)

        self.rightLayout.addWidget(self.tally)

        self.rightLayout.setStretch(2, 1)

        self.bodyLayout.addLayout(self.rightLayout)

        self.bodyLayout.setStretch(0, 3)
        self.bodyLayout.setStretch(1, 2)

        self.outerLayout.addLayout(self.bodyLayout)

        self.outerLayout.setStretch(2, 1)

        self.retranslateUi(CounterWindow)

        QMetaObject.connectSlotsByName(CounterWindow)
    # setupUi

    def retranslateUi(self, CounterWindow):
        self.sectionTitle.setText(QCoreApplication.translate("CounterWindow", u"Waiting", None))
        self.waitingFilter.setPlaceholderText(QCoreApplication.translate("CounterWindow", u"Find a number in the waiting list (Ctrl+F)\u2026", None))
        pass
    # retranslateUi
