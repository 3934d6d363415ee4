from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.programmes"
    label = "programmes"

    def ready(self):
        from desist.programmes import alerts  # noqa: F401 (registers the source)
