from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.workforce"
    label = "workforce"

    def ready(self) -> None:
        from desist.workforce import deadlines  # noqa: F401  (registers the deadline source)
