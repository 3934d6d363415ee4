from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.api"
    label = "api"
