#include "domain/reorganisation.h"

namespace cscwatch {

namespace {
constexpr Reorganisation kReorganisations[] = {
    {"2019-04-01", "137316", "2532287", "Bournemouth, Poole and Christchurch merged into Bournemouth, Christchurch and Poole"},
    {"2021-04-01", "121939", "2637539", "Northamptonshire County Council replaced by North Northamptonshire and West Northamptonshire"},
    {"2021-04-01", "121939", "2637548", "Northamptonshire County Council replaced by North Northamptonshire and West Northamptonshire"},
    {"2023-04-01", "135513", "2733690", "Cumbria County Council replaced by Cumberland and Westmorland and Furness"},
    {"2023-04-01", "135513", "2733698", "Cumbria County Council replaced by Cumberland and Westmorland and Furness"},
};
}  // namespace

std::span<const Reorganisation> known_reorganisations() { return kReorganisations; }

}  // namespace cscwatch
