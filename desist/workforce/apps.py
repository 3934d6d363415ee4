from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.workforce"
    label = "workforce"

    def ready(self) -> None:
        # Register workforce's deadlines and countersigning queue with oversight.
        from desist.workforce import countersign, deadlines  # noqa: F401
