# generated — do not edit; run python tools/compile_forms.py
# (compiled from ui/counter_transfer.ui)
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'counter_transfer.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QRadioButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TransferForm(object):
    def setupUi(self, TransferForm):
        if not TransferForm.objectName():
            TransferForm.setObjectName(u"TransferForm")
        TransferForm.resize(460, 260)
        self.verticalLayout = QVBoxLayout(TransferForm)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.ticketLabel = QLabel(TransferForm)
        self.ticketLabel.setObjectName(u"ticketLabel")
        self.ticketLabel.setText(u"-")

        self.verticalLayout.addWidget(self.ticketLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.toServiceRadio = QRadioButton(TransferForm)
        self.toServiceRadio.setObjectName(u"toServiceRadio")
        self.toServiceRadio.setChecked(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.toServiceRadio)

        self.serviceCombo = QComboBox(TransferForm)
        self.serviceCombo.setObjectName(u"serviceCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serviceCombo)

        self.toCounterRadio = QRadioButton(TransferForm)
        self.toCounterRadio.setObjectName(u"toCounterRadio")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toCounterRadio)

        self.counterCombo = QComboBox(TransferForm)
        self.counterCombo.setObjectName(u"counterCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.counterCombo)


        self.verticalLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(TransferForm)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(TransferForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(TransferForm)

        QMetaObject.connectSlotsByName(TransferForm)
    # setupUi

    def retranslateUi(self, TransferForm):
        TransferForm.setWindowTitle(QCoreApplication.translate("TransferForm", u"Transfer ticket", None))
        self.toServiceRadio.setText(QCoreApplication.translate("TransferForm", u"To &service", None))
        self.toCounterRadio.setText(QCoreApplication.translate("TransferForm", u"To &counter", None))
    # retranslateUi
