# cmake -DCSCWATCH=... -DDB=... -DDATA_DIR=... -P ingest_for_browser.cmake
# Ingests the shared corpus for the browser test (idempotent: unchanged files
# are skipped on later runs). Without the corpus it does nothing, and the
# browser test skips.
if(NOT EXISTS "${DATA_DIR}/corpus/pdf" OR NOT EXISTS "${DATA_DIR}/reference/authorities.csv")
  message(STATUS "shared corpus not found under ${DATA_DIR}: nothing to ingest")
  return()
endif()
get_filename_component(dir "${DB}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${CSCWATCH}" ingest --db "${DB}" --data-dir "${DATA_DIR}" -q "${DATA_DIR}/corpus/pdf"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}")
# Ingest exits non-zero when some files failed (the corpus has four HTML
# pages saved as .pdf); the register is usable as long as it was written.
if(NOT EXISTS "${DB}")
  message(FATAL_ERROR "ingest wrote no register (exit ${rc}): ${err}")
endif()
