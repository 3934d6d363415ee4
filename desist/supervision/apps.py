from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.supervision"
    label = "supervision"

    def ready(self):
        from desist.supervision import deadlines  # noqa: F401 (registers sources)
