#include "demo/names.h"

namespace edu::demo {
namespace {

using Weights = std::vector<std::pair<std::string, double>>;

const Weights& surnames() {
  static const Weights w = {
      {"刘", 6},   {"李", 6},     {"王", 5},    {"张", 5},   {"陈", 5},   {"罗", 4},   {"杨", 4},
      {"周", 4},   {"谭", 3},     {"彭", 3},    {"曾", 3},   {"唐", 3},   {"邓", 3},   {"黄", 3},
      {"胡", 3},   {"袁", 2},     {"易", 2},    {"贺", 2},   {"肖", 2},   {"龙", 2},   {"夏", 2},
      {"赵", 2},   {"吴", 2},     {"蒋", 2},    {"向", 2},   {"谢", 1.5}, {"何", 1.5}, {"阳", 1.5},
      {"邹", 1.5}, {"廖", 1.5},   {"段", 1},    {"戴", 1},   {"孙", 1},   {"朱", 1},   {"钟", 1},
      {"姚", 1},   {"雷", 1},     {"田", 1},    {"宋", 1},   {"曹", 1},   {"许", 1},   {"石", 1},
      {"郭", 1},   {"林", 1},     {"马", 1},    {"徐", 1},   {"高", 1},   {"郑", 1},   {"丁", 1},
      {"文", 1},   {"毛", 1},     {"伍", 1},    {"聂", 1},   {"范", 1},   {"方", 1},   {"梁", 1},
      {"汤", 1},   {"尹", 1},     {"颜", 1},    {"卢", 1},   {"江", 1},   {"付", 1},   {"粟", 0.5},
      {"蒲", 0.5}, {"童", 0.5},   {"孔", 0.5},  {"兰", 0.5}, {"沈", 0.5}, {"邱", 0.5}, {"金", 0.5},
      {"申", 0.5}, {"欧阳", 0.4}, {"司马", 0.1}};
  return w;
}

// Given-name characters by gender, for people born since 2000 and before.
const std::vector<std::string>& given_chars(bool male, bool young) {
  static const std::vector<std::string> young_male = {
      "子", "梓", "宇", "浩", "轩", "俊", "杰", "博", "文", "睿", "泽", "晨", "铭", "豪",
      "辰", "宏", "鑫", "航", "一", "嘉", "天", "昊", "瑞", "锦", "逸", "烨", "奕", "哲",
      "翔", "宸", "峻", "凯", "皓", "煜", "恒", "启", "明", "阳", "志", "骏", "思", "云"};
  static const std::vector<std::string> young_female = {
      "欣", "怡", "涵", "雨", "萱", "诗", "佳", "琪", "瑶", "妍", "婷", "悦", "若", "依",
      "可", "馨", "雅", "晴", "梓", "子", "思", "语", "紫", "梦", "雪", "艺", "嘉", "一",
      "彤", "琳", "婧", "芸", "蕊", "汐", "沐", "甜", "菲", "曦", "静", "安", "心", "玥"};
  static const std::vector<std::string> old_male = {
      "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "建",
      "国", "志", "海", "华", "斌", "波", "鹏", "飞", "林", "峰", "亮", "文", "光", "德",
      "成", "永", "东", "春", "卫", "红", "兵", "锋", "新", "湘", "松", "柏"};
  static const std::vector<std::string> old_female = {
      "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "华", "红",
      "玲", "燕", "萍", "梅", "琴", "莉", "兰", "凤", "洁", "琳", "丹", "慧",
      "云", "婷", "颖", "晶", "湘", "桂", "珍", "春", "利", "群", "芬", "莎"};
  if (young) return male ? young_male : young_female;
  return male ? old_male : old_female;
}

}  // namespace

std::string person_name(Rng& rng, bool male, int birth_year) {
  bool young = birth_year >= 2000;
  const auto& chars = given_chars(male, young);
  int size = static_cast<int>(chars.size());
  int first = rng.below(size);
  std::string name = rng.weighted(surnames()) + chars[first];
  if (rng.chance(young ? 0.85 : 0.65)) name += chars[(first + 1 + rng.below(size - 1)) % size];
  return name;
}

const std::vector<TownshipName>& township_names() {
  static const std::vector<TownshipName> names = {
      {"桃洪镇", "", 0},         {"花门街道", "", 0},
      {"六都寨镇", "", 0},       {"滩头镇", "", 0},
      {"荷香桥镇", "", 0},       {"罗洪乡", "", 0},
      {"周旺镇", "", 0},         {"横板桥镇", "", 0},
      {"金石桥镇", "", 0},       {"司门前镇", "", 0},
      {"高平镇", "", 0},         {"羊古坳镇", "", 0},
      {"岩口镇", "", 0},         {"北山镇", "", 0},
      {"七江镇", "", 0},         {"山界乡", "苗族", 0.15},
      {"鸭田镇", "", 0},         {"麻塘山乡", "土家族", 0.2},
      {"小沙江镇", "瑶族", 0.3}, {"虎形山瑶族乡", "瑶族", 0.6},
      {"西洋江镇", "", 0},       {"石门乡", "苗族", 0.1}};
  return names;
}

const std::vector<std::string>& village_names() {
  static const std::vector<std::string> names = {
      "大坪", "石门", "白竹", "横山", "金竹", "黄泥", "枫林", "杨柳", "长冲", "石桥",
      "龙潭", "沙坪", "高坪", "竹山", "新田", "荷叶", "塘湾", "桐木", "水口", "白岩",
      "双江", "青龙", "马头", "茶园", "梅子", "杉木", "岩门", "大冲", "牛形", "狮子",
      "花桥", "柏树", "团结", "和平", "新建", "大塘", "罗家", "李家", "周家", "刘家"};
  return names;
}

const std::vector<std::string>& street_names() {
  static const std::vector<std::string> names = {"建设路", "人民路", "解放路", "桃花路",
                                                 "新华路", "东方路", "教育路", "文化路",
                                                 "朝阳路", "青年路", "城南路", "滨江路"};
  return names;
}

const std::vector<std::string>& kindergarten_brands() {
  static const std::vector<std::string> names = {
      "阳光",   "小天鹅", "金太阳", "蓝天", "童心",     "七彩",   "启明星", "小太阳",
      "育才",   "春苗",   "智慧树", "贝贝", "快乐宝贝", "新蕾",   "明珠",   "红黄蓝",
      "小博士", "童乐",   "爱心",   "星星", "彩虹",     "小精灵", "晨曦",   "雏鹰"};
  return names;
}

}  // namespace edu::demo
