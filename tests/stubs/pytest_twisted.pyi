# Types for the parts of pytest-twisted the tests use (the package ships none).
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from twisted.internet.defer import Deferred

_P = ParamSpec("_P")
_R = TypeVar("_R")
_F = TypeVar("_F", bound=Callable[..., Any])

def ensureDeferred(  # noqa: N802 - pytest-twisted's name
    f: Callable[_P, Coroutine[Any, Any, _R]],
) -> Callable[_P, Deferred[_R]]: ...
def async_fixture(scope: str = ..., **kwargs: Any) -> Callable[[_F], _F]: ...
def blockon(d: Deferred[_R]) -> _R: ...
