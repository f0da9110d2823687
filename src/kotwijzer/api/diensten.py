"""Moved to `kotwijzer.diensten` (the service layer shared by the API and the web pages). This name only keeps old
imports working until every caller imports `kotwijzer.diensten`; new code must not import it."""
from kotwijzer.diensten import *  # noqa: F401,F403
from kotwijzer.diensten import REKENFOUTEN, euro, hele_euro, rekenfout_melding, wet_url  # noqa: F401
from kotwijzer.diensten import wet_url as _wet_url  # noqa: F401
