# A station group's shed, by group/<sg_id>:
terraform import chargepoint_load_shed.garage group/20002

# A station's shed, by station/<station_id>:
terraform import chargepoint_load_shed.hq station/1:81203
