# generated — do not edit; run python tools/compile_forms.py
# (compiled from ui/app_lock.ui)
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'app_lock.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_LockScreen(object):
    def setupUi(self, LockScreen):
        if not LockScreen.objectName():
            LockScreen.setObjectName(u"LockScreen")
        self.outerLayout = QVBoxLayout(LockScreen)
        self.outerLayout.setObjectName(u"outerLayout")
        self.topStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topStretch)

        self.rowLayout = QHBoxLayout()
        self.rowLayout.setObjectName(u"rowLayout")
        self.leftStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rowLayout.addItem(self.leftStretch)

        self.lockBox = QWidget(LockScreen)
        self.lockBox.setObjectName(u"lockBox")
        self.lockBox.setMaximumSize(QSize(460, 16777215))
        self.boxLayout = QVBoxLayout(self.lockBox)
        self.boxLayout.setSpacing(10)
        self.boxLayout.setObjectName(u"boxLayout")
        self.boxLayout.setContentsMargins(28, 24, 28, 24)
        self.lockTitle = QLabel(self.lockBox)
        self.lockTitle.setObjectName(u"lockTitle")

        self.boxLayout.addWidget(self.lockTitle)

        self.lockWho = QLabel(self.lockBox)
        self.lockWho.setObjectName(u"lockWho")
        self.lockWho.setText(u"")
        self.lockWho.setWordWrap(True)

        self.boxLayout.addWidget(self.lockWho)

        self.lockPassword = QLineEdit(self.lockBox)
        self.lockPassword.setObjectName(u"lockPassword")
        self.lockPassword.setEchoMode(QLineEdit.Password)

        self.boxLayout.addWidget(self.lockPassword)

        self.formError = QLabel(self.lockBox)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)

        self.boxLayout.addWidget(self.formError)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.switchButton = QPushButton(self.lockBox)
        self.switchButton.setObjectName(u"switchButton")

        self.buttonsLayout.addWidget(self.switchButton)

        self.buttonsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsStretch)

        self.primary = QPushButton(self.lockBox)
        self.primary.setObjectName(u"primary")

        self.buttonsLayout.addWidget(self.primary)

        self.buttonsLayout.setStretch(1, 1)

        self.boxLayout.addLayout(self.buttonsLayout)


        self.rowLayout.addWidget(self.lockBox)

        self.rightStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rowLayout.addItem(self.rightStretch)

        self.rowLayout.setStretch(0, 1)
        self.rowLayout.setStretch(2, 1)

        self.outerLayout.addLayout(self.rowLayout)

        self.bottomStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomStretch)

        self.outerLayout.setStretch(0, 1)
        self.outerLayout.setStretch(2, 2)
        QWidget.setTabOrder(self.lockPassword, self.primary)
        QWidget.setTabOrder(self.primary, self.switchButton)

        self.retranslateUi(LockScreen)

        QMetaObject.connectSlotsByName(LockScreen)
    # setupUi

    def retranslateUi(self, LockScreen):
        self.lockTitle.setText(QCoreApplication.translate("LockScreen", u"Screen locked", None))
        self.lockPassword.setPlaceholderText(QCoreApplication.translate("LockScreen", u"Password", None))
        self.switchButton.setText(QCoreApplication.translate("LockScreen", u"Log out", None))
        self.primary.setText(QCoreApplication.translate("LockScreen", u"Unlock", None))
        pass
    # retranslateUi
