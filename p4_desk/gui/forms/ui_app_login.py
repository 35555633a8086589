# generated — do not edit; run python tools/compile_forms.py
# (compiled from ui/app_login.ui)
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'app_login.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginForm(object):
    def setupUi(self, LoginForm):
        if not LoginForm.objectName():
            LoginForm.setObjectName(u"LoginForm")
        LoginForm.resize(420, 300)
        self.verticalLayout = QVBoxLayout(LoginForm)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.titleLabel = QLabel(LoginForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.verticalLayout.addWidget(self.titleLabel)

        self.contextLabel = QLabel(LoginForm)
        self.contextLabel.setObjectName(u"contextLabel")
        self.contextLabel.setText(u"-")
        self.contextLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.contextLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.usernameLabel = QLabel(LoginForm)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(LoginForm)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.passwordLabel = QLabel(LoginForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(LoginForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(LoginForm)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.messageLabel)

        self.verticalSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(LoginForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)

        self.retranslateUi(LoginForm)

        QMetaObject.connectSlotsByName(LoginForm)
    # setupUi

    def retranslateUi(self, LoginForm):
        LoginForm.setWindowTitle(QCoreApplication.translate("LoginForm", u"P4 Desk \u2014 Log in", None))
        self.titleLabel.setText(QCoreApplication.translate("LoginForm", u"Log in", None))
        self.usernameLabel.setText(QCoreApplication.translate("LoginForm", u"&User name", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginForm", u"&Password", None))
    # retranslateUi
