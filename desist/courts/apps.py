from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.courts"
    label = "courts"

    def ready(self):
        from desist.courts import alerts, countersign, deadlines  # noqa: F401 (registers sources)
