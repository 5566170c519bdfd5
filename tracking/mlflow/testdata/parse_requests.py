"""Parses request bodies the way MLflow's tracking server does.

MLflow's handlers read a request's JSON with json.loads and fill the
endpoint's protobuf message with google.protobuf.json_format.ParseDict
(mlflow/utils/proto_json_utils.py, parse_dict). This script declares the
messages Descent sends, with the fields and types of MLflow's
mlflow/protos/service.proto (proto2), parses every body given on stdin
({"endpoint": ..., "body": "..."} per line) without ignoring unknown
fields, and prints per body the metrics it read as [key, value, timestamp,
step], the value as Python's repr (nan, inf, -inf, or the float).
Needs Debian's python3-protobuf.
"""
import json
import sys

from google.protobuf import descriptor_pb2, descriptor_pool, json_format
from google.protobuf import message_factory

F = descriptor_pb2.FieldDescriptorProto
OPT, REP = F.LABEL_OPTIONAL, F.LABEL_REPEATED

MESSAGES = {
    "Metric": [("key", F.TYPE_STRING, OPT), ("value", F.TYPE_DOUBLE, OPT),
               ("timestamp", F.TYPE_INT64, OPT), ("step", F.TYPE_INT64, OPT)],
    "Param": [("key", F.TYPE_STRING, OPT), ("value", F.TYPE_STRING, OPT)],
    "RunTag": [("key", F.TYPE_STRING, OPT), ("value", F.TYPE_STRING, OPT)],
    "LogBatch": [("run_id", F.TYPE_STRING, OPT), ("metrics", ".mlflow.Metric", REP),
                 ("params", ".mlflow.Param", REP), ("tags", ".mlflow.RunTag", REP)],
    "CreateRun": [("experiment_id", F.TYPE_STRING, OPT), ("user_id", F.TYPE_STRING, OPT),
                  ("run_name", F.TYPE_STRING, OPT), ("start_time", F.TYPE_INT64, OPT),
                  ("tags", ".mlflow.RunTag", REP)],
    "UpdateRun": [("run_id", F.TYPE_STRING, OPT), ("run_uuid", F.TYPE_STRING, OPT),
                  ("status", ".mlflow.RunStatus", OPT), ("end_time", F.TYPE_INT64, OPT),
                  ("run_name", F.TYPE_STRING, OPT)],
    "CreateExperiment": [("name", F.TYPE_STRING, OPT), ("artifact_location", F.TYPE_STRING, OPT)],
}
ENDPOINTS = {"runs/log-batch": "LogBatch", "runs/create": "CreateRun",
             "runs/update": "UpdateRun", "experiments/create": "CreateExperiment"}


def build():
    fdp = descriptor_pb2.FileDescriptorProto(name="mlflow_subset.proto", package="mlflow", syntax="proto2")
    enum = fdp.enum_type.add(name="RunStatus")
    for i, name in enumerate(["RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"], start=1):
        enum.value.add(name=name, number=i)
    for mname, fields in MESSAGES.items():
        msg = fdp.message_type.add(name=mname)
        for number, (fname, ftype, label) in enumerate(fields, start=1):
            field = msg.field.add(name=fname, number=number, label=label)
            if isinstance(ftype, str):
                field.type_name = ftype
                field.type = F.TYPE_ENUM if ftype.endswith("RunStatus") else F.TYPE_MESSAGE
            else:
                field.type = ftype
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    classes = {}
    for mname in MESSAGES:
        desc = pool.FindMessageTypeByName("mlflow." + mname)
        classes[mname] = message_factory.MessageFactory(pool).GetPrototype(desc)
    return classes


def main():
    classes = build()
    for line in sys.stdin:
        req = json.loads(line)
        msg = classes[ENDPOINTS[req["endpoint"]]]()
        json_format.ParseDict(json.loads(req["body"]), msg, ignore_unknown_fields=False)
        metrics = [[m.key, repr(m.value), m.timestamp, m.step] for m in getattr(msg, "metrics", [])]
        print(json.dumps({"endpoint": req["endpoint"], "metrics": metrics}))


main()
