"""Interface language: resolve the setting, load the Qt translation catalogue."""

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

SUPPORTED = ("zh_CN", "en")
_installed: list[QTranslator] = []


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en`` for a setting of ``system``, ``zh_CN`` or ``en``."""
    if setting in SUPPORTED:
        return setting
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def catalogue_dir() -> Path:
    return Path(str(resources.files("relbook.resources"))) / "i18n"


def install_language(language: str) -> str:
    """Install the catalogue for ``language`` into the running application; returns it."""
    from relbook.words import labels

    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("a QCoreApplication must exist before installing a language")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    labels.clear_cache()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(f"relbook_{language}", str(catalogue_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_base = QTranslator(app)
    from PySide6.QtCore import QLibraryInfo

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language
