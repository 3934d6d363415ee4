from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.accounts"
    label = "accounts"
