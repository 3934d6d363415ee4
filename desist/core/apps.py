from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.core"
    label = "core"
