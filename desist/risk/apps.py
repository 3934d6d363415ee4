from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.risk"
    label = "risk"

    def ready(self):
        from desist.risk import countersign, deadlines  # noqa: F401 (registers sources)
