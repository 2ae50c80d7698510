"""testing/platform/summarise.py loaded as a module, for the tests beside
this file: testing/platform is not a package (and, on sys.path, its name
would shadow the standard library's platform)."""
import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    'platform_summarise_script',
    os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'platform', 'summarise.py'))
summarise = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(summarise)
