// rm_fields.h: the X-macro tables of the model sizes and of the mjModel/mjData arrays the shim exposes.
// One table drives the C accessors (rm_model_size, rm_model_field, rm_data_field) and the C# lists
// (MjModelSize, MjModelField, MjDataField), which the C# side checks by name against rm_*_field_name.
#ifndef RM_FIELDS_H_
#define RM_FIELDS_H_

// X(name): integer sizes of mjModel.
#define RM_MODEL_SIZES(X) \
  X(nq) X(nv) X(nu) X(na) X(nbody) X(njnt) X(ngeom) X(nsite) X(ncam) X(nlight) X(nmesh) \
  X(nsensor) X(nsensordata) X(nmocap) X(nuserdata) X(ntendon) X(neq) X(nkey)

// X(type, name, rows, cols): read-only arrays of mjModel, shape (rows x cols).
#define RM_MODEL_FIELDS(X) \
  X(int,    jnt_type,           njnt,   1) \
  X(int,    jnt_qposadr,        njnt,   1) \
  X(int,    jnt_dofadr,         njnt,   1) \
  X(int,    jnt_bodyid,         njnt,   1) \
  X(mjtByte, jnt_limited,       njnt,   1) \
  X(mjtNum, jnt_range,          njnt,   2) \
  X(int,    body_parentid,      nbody,  1) \
  X(int,    body_mocapid,       nbody,  1) \
  X(int,    body_jntnum,        nbody,  1) \
  X(int,    body_jntadr,        nbody,  1) \
  X(mjtNum, body_mass,          nbody,  1) \
  X(int,    geom_type,          ngeom,  1) \
  X(int,    geom_bodyid,        ngeom,  1) \
  X(mjtNum, geom_size,          ngeom,  3) \
  X(int,    site_bodyid,        nsite,  1) \
  X(int,    actuator_trntype,   nu,     1) \
  X(int,    actuator_trnid,     nu,     2) \
  X(mjtByte, actuator_ctrllimited, nu,  1) \
  X(mjtNum, actuator_ctrlrange, nu,     2) \
  X(mjtNum, qpos0,              nq,     1)

// X(type, name, rows, cols): arrays of mjData, shape (rows x cols), rows a model size.
#define RM_DATA_FIELDS(X) \
  X(mjtNum, qpos,           nq,          1) \
  X(mjtNum, qvel,           nv,          1) \
  X(mjtNum, act,            na,          1) \
  X(mjtNum, ctrl,           nu,          1) \
  X(mjtNum, qfrc_applied,   nv,          1) \
  X(mjtNum, xfrc_applied,   nbody,       6) \
  X(mjtNum, qacc,           nv,          1) \
  X(mjtNum, qacc_warmstart, nv,          1) \
  X(mjtNum, qfrc_bias,      nv,          1) \
  X(mjtNum, qfrc_actuator,  nv,          1) \
  X(mjtNum, actuator_force, nu,          1) \
  X(mjtNum, xpos,           nbody,       3) \
  X(mjtNum, xquat,          nbody,       4) \
  X(mjtNum, xmat,           nbody,       9) \
  X(mjtNum, xipos,          nbody,       3) \
  X(mjtNum, site_xpos,      nsite,       3) \
  X(mjtNum, site_xmat,      nsite,       9) \
  X(mjtNum, geom_xpos,      ngeom,       3) \
  X(mjtNum, geom_xmat,      ngeom,       9) \
  X(mjtNum, cam_xpos,       ncam,        3) \
  X(mjtNum, cam_xmat,       ncam,        9) \
  X(mjtNum, sensordata,     nsensordata, 1) \
  X(mjtNum, mocap_pos,      nmocap,      3) \
  X(mjtNum, mocap_quat,     nmocap,      4) \
  X(mjtNum, userdata,       nuserdata,   1)

#endif  // RM_FIELDS_H_
