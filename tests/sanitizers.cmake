# Fuzz regressions and the sanitizer build's corpus sample. Included by
# tests/CMakeLists.txt.

# Every libFuzzer target's kept inputs, replayed in every build (gcc, no
# libFuzzer needed); under CSCWATCH_SANITIZE they run under ASan and UBSan.
foreach(target parse_document news_article)
  add_executable(${target}_fuzz_replay ${CMAKE_SOURCE_DIR}/fuzz/${target}_fuzzer.cc
                                       ${CMAKE_CURRENT_SOURCE_DIR}/sanitizers/fuzz_replay_main.cc)
  add_test(NAME ${target}_fuzz_regressions
           COMMAND ${target}_fuzz_replay ${CMAKE_SOURCE_DIR}/fuzz/corpus/${target}_fuzzer)
  set_tests_properties(${target}_fuzz_regressions PROPERTIES LABELS "fuzz" TIMEOUT 300)
endforeach()
target_link_libraries(parse_document_fuzz_replay PRIVATE cscwatch_parse)
target_link_libraries(news_article_fuzz_replay PRIVATE cscwatch_news)

# The whole corpus runs once, in the release build; the sanitizer build (whose
# CSCWATCH_DATA_DIR holds no corpus, so the corpus suites skip) ingests a sample
# of it with the sanitized binary.
set(CSCWATCH_SAMPLE_DATA_DIR "${CSCWATCH_DATA_DIR}" CACHE PATH "Data folder the sanitizer build samples its corpus from")
if(CSCWATCH_SANITIZE)
  add_test(NAME corpus_sample_under_sanitizers
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sanitizers/corpus_sample.sh $<TARGET_FILE:cscwatch>
                   ${CSCWATCH_SAMPLE_DATA_DIR})
  set_tests_properties(corpus_sample_under_sanitizers PROPERTIES LABELS "sanitizers" TIMEOUT 900 SKIP_RETURN_CODE 77)
endif()
