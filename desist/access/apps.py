from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.access"
    label = "access"
