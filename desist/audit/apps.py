from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.audit"
    label = "audit"
