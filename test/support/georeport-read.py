"""Reads an Open311 GeoReport v2 endpoint with the `georeport` client (PyPI), in JSON and in XML.

Usage: python georeport-read.py ROOT SERVICE_CODE REQUEST_ID
Prints one JSON object: for each format, the service list, one service definition, the requests and
one request, as the client returned them (XML through xmltodict, so every value is a string).
"""
import json
import sys

from georeport import GeoReport

root, service_code, request_id = sys.argv[1:4]
answers = {}
for output_format in ("json", "xml"):
    client = GeoReport(root, output_format=output_format)
    answers[output_format] = {
        "services": client.get_service_list(),
        "definition": client.get_service_definition(service_code),
        "requests": client.get_service_requests(),
        "open_requests": client.get_service_requests(status="open", service_code=service_code),
        "request": client.get_service_request(request_id),
    }
print(json.dumps(answers, ensure_ascii=False))
