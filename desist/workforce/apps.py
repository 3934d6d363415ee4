from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.workforce"
    label = "workforce"

    def ready(self) -> None:
        # Register workforce's deadlines, countersigning queue and caseload summaries (stored
        # with each practitioner's actions) with oversight.
        from desist.workforce import countersign, deadlines, selectors  # noqa: F401
