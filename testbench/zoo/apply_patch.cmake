# Copies the driver sources a zoo patch changes into OUT_DIR and applies the patch there,
# exactly (no fuzz): a patch that no longer fits the driver fails the build, loudly.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" FILES "${FILES}")
foreach(file IN LISTS FILES)
  file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
  get_filename_component(dir ${OUT_DIR}/${rel} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  file(COPY_FILE ${file} ${OUT_DIR}/${rel})
endforeach()
execute_process(
  COMMAND ${PATCH} --batch --forward --fuzz=0 --no-backup-if-mismatch -p1 -d ${OUT_DIR} -i ${PATCH_FILE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc)
  foreach(file IN LISTS FILES)  # no half-patched copy may look up to date on the next build
    file(RELATIVE_PATH rel ${SOURCE_DIR} ${file})
    file(REMOVE ${OUT_DIR}/${rel})
  endforeach()
  get_filename_component(name ${PATCH_FILE} NAME)
  message(FATAL_ERROR "testbench/zoo/${name} no longer applies to the driver:\n${out}\n"
                      "The driver changed under this seeded bug: remake the patch against the current sources "
                      "(README.md, section Bug zoo, says how).")
endif()
